package com.onyxos.vault.service;

import com.onyxos.common.problem.ProblemException;
import com.onyxos.common.run.Lease;
import com.onyxos.common.run.LeaseLostException;
import com.onyxos.vault.config.VaultSyncConfig;
import com.onyxos.vault.repository.CreatorRef;
import com.onyxos.vault.repository.CreatorRows;
import com.onyxos.vault.repository.RunRow;
import com.onyxos.vault.repository.SyncRunRepository;
import com.onyxos.vault.repository.SyncSettingsRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Vault syncs of one creator or a whole agency. Each creator's sync is a row in {@code sync_runs} held through common's
 * run leases: one run per creator at a time across every replica, a second request joins the live one, and a run
 * whose process died is closed and replaced in the same request. A request that waited on a run whose process died
 * meanwhile starts (or joins) the next run once, so a click converges rather than reports the crash. An agency sync
 * runs its creators in parallel with bounded concurrency.
 */
@ApplicationScoped
public class VaultSyncService {

    private final CreatorRows creators;
    private final SyncSettingsRepository settings;
    private final SyncRunRepository runs;
    private final CreatorVaultSync sync;
    private final VaultWriter writer;
    private final SyncProgress progress;
    private final VaultSyncConfig config;

    public VaultSyncService(
            CreatorRows creators,
            SyncSettingsRepository settings,
            SyncRunRepository runs,
            CreatorVaultSync sync,
            VaultWriter writer,
            SyncProgress progress,
            VaultSyncConfig config) {
        this.creators = creators;
        this.settings = settings;
        this.runs = runs;
        this.sync = sync;
        this.writer = writer;
        this.progress = progress;
        this.config = config;
    }

    /** Starts (or joins) the sync of one creator; the run is returned as soon as it exists. */
    public Uni<StartedRun> startCreator(UUID agencyId, UUID creatorId, SyncRequest asked) {
        return withDefaults(agencyId, asked).chain(request -> creators.find(agencyId, creatorId)
                .onItem()
                .ifNull()
                .failWith(() -> new ProblemException(
                        404, "creator_not_found", "Creator not found", "No creator " + creatorId + " in this agency."))
                .chain(creator -> start(creator, request)));
    }

    /** Starts (or joins) the syncs of every active creator of the agency, at most N running at once. */
    public Uni<List<StartedRun>> startAgency(UUID agencyId, SyncRequest asked) {
        return withDefaults(agencyId, asked)
                .chain(request -> creators.active(agencyId).chain(list -> Multi.createFrom()
                        .iterable(list)
                        .onItem()
                        .transformToUniAndConcatenate(creator -> start(creator, request))
                        .collect()
                        .asList()));
    }

    /** A request that names no folders or media types uses the agency's saved defaults. */
    private Uni<SyncRequest> withDefaults(UUID agencyId, SyncRequest request) {
        if (request.filter().selective()) {
            return Uni.createFrom().item(request);
        }
        return settings.find(agencyId)
                .map(saved -> new SyncRequest(
                        request.trigger(), request.requestedBy(), new SyncFilter(saved.folders(), saved.mediaTypes())));
    }

    /** Waits for the runs to finish and answers them as they ended. */
    public Uni<List<RunRow>> awaitAll(List<StartedRun> started) {
        return Multi.createFrom()
                .iterable(started)
                .onItem()
                .transformToUniAndConcatenate(StartedRun::finished)
                .collect()
                .asList();
    }

    private Uni<StartedRun> start(CreatorRef creator, SyncRequest request) {
        return claim(creator, request)
                .map(first -> first.withFinished(first.finished()
                        .chain(ended -> ended != null && ended.abandoned()
                                ? claim(creator, request).chain(StartedRun::finished)
                                : Uni.createFrom().item(ended))));
    }

    private Uni<StartedRun> claim(CreatorRef creator, SyncRequest request) {
        SyncRunRepository.NewRun run = new SyncRunRepository.NewRun(
                creator.agencyId(),
                creator.id(),
                request.trigger(),
                request.requestedBy(),
                request.filter().folders(),
                request.filter().mediaTypes());
        return runs.start(run)
                .map(started -> started.started()
                        ? new StartedRun(started.run(), true, execute(creator, started, request.filter()))
                        : new StartedRun(started.run(), false, joined(started.run())));
    }

    /** Runs the sync in the background of the request (bounded per agency by the creator semaphore). */
    private Uni<RunRow> execute(CreatorRef creator, SyncRunRepository.Started started, SyncFilter filter) {
        RunRow run = started.run();
        Lease lease = started.lease();
        Uni<RunRow> finished = progress.await(run);
        Cancellable work = progress.limited(
                        creator.agencyId(),
                        config.creatorConcurrency(),
                        sync.sync(creator, lease, filter)
                                .chain(outcome -> writer.finish(creator.agencyId(), lease, outcome)))
                .subscribe()
                .with(progress::finished, failure -> {
                    lease.release();
                    if (failure instanceof LeaseLostException) {
                        progress.lost(run);
                    } else {
                        progress.failed(run, failure);
                    }
                });
        // Another process took this run for dead and closed it: stop, and let waiters see how it was closed.
        lease.onLost(() -> {
            work.cancel();
            progress.lost(run);
        });
        return finished;
    }

    /** A run started elsewhere: followed in memory if it runs in this process, else in the database. */
    private Uni<RunRow> joined(RunRow run) {
        return progress.runsHere(run.id()) ? progress.await(run) : progress.follow(run);
    }

    /**
     * A run the caller started or joined.
     *
     * @param run the run as it was when started or joined
     * @param started false when another request had started it
     * @param finished completes with the run as it ended
     */
    public record StartedRun(RunRow run, boolean started, Uni<RunRow> finished) {

        StartedRun withFinished(Uni<RunRow> then) {
            return new StartedRun(run, started, then);
        }
    }
}
