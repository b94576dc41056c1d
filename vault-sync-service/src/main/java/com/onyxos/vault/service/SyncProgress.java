package com.onyxos.vault.service;

import com.onyxos.vault.repository.RunRow;
import com.onyxos.vault.repository.SyncRunRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Where this process keeps its running syncs: who waits for which run (runs of other replicas are followed in the
 * database), and how many creators of one agency sync at once.
 */
@ApplicationScoped
public class SyncProgress {

    private static final Logger LOG = Logger.getLogger(SyncProgress.class);
    private static final Duration POLL = Duration.ofMillis(250);

    private final SyncRunRepository runs;
    private final Map<UUID, CompletableFuture<RunRow>> local = new ConcurrentHashMap<>();
    private final Map<UUID, Permits> permits = new ConcurrentHashMap<>();

    public SyncProgress(SyncRunRepository runs) {
        this.runs = runs;
    }

    /** Completes with the run as it ended: from memory when it runs here, else from the database. */
    Uni<RunRow> await(RunRow run) {
        CompletableFuture<RunRow> here = local.computeIfAbsent(run.id(), id -> new CompletableFuture<>());
        return Uni.createFrom().completionStage(here);
    }

    /** Whether the run is executed by this process. */
    boolean runsHere(UUID runId) {
        return local.containsKey(runId);
    }

    /** Follows a run of another process in the database until it ends (closed when its process died). */
    Uni<RunRow> follow(RunRow run) {
        return Uni.createFrom()
                .voidItem()
                .onItem()
                .delayIt()
                .by(POLL)
                .chain(() -> runs.current(run.agencyId(), run.id()))
                .chain(now -> now == null || !now.running() ? Uni.createFrom().item(now) : follow(now));
    }

    void finished(RunRow run) {
        CompletableFuture<RunRow> waiting = local.remove(run.id());
        if (waiting != null) {
            waiting.complete(run);
        }
    }

    /** The run was closed by another process (taken for dead): its waiters get it as it was closed. */
    void lost(RunRow run) {
        LOG.warnf("Sync run %s was closed by another process; its work here stopped", run.id());
        runs.find(run.agencyId(), run.id())
                .map(closed -> closed == null ? run : closed)
                .subscribe()
                .with(this::finished, failure -> failed(run, failure));
    }

    void failed(RunRow run, Throwable failure) {
        LOG.errorf(
                failure,
                "Sync run %s could not be recorded as finished; it is closed as dead once its heartbeat stops",
                run.id());
        CompletableFuture<RunRow> waiting = local.remove(run.id());
        if (waiting != null) {
            waiting.completeExceptionally(failure);
        }
    }

    /** Runs {@code work} when fewer than {@code limit} syncs of the agency are running here. */
    <T> Uni<T> limited(UUID agencyId, int limit, Uni<T> work) {
        return permits.computeIfAbsent(agencyId, id -> new Permits(limit)).run(work);
    }
}
