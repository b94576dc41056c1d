package com.onyxos.vault.job;

import com.onyxos.vault.repository.SyncRunRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Closes, as failed, sync runs whose process died (its lease lock is gone, or its heartbeat stopped), so a run nobody
 * asks about is not shown "running" for long. Requests and followers close such runs themselves when they meet them;
 * the next sync converges to the same rows as a clean one.
 */
@ApplicationScoped
public class StaleRunCloser {

    private final SyncRunRepository runs;

    public StaleRunCloser(SyncRunRepository runs) {
        this.runs = runs;
    }

    @Scheduled(
            identity = "vault-stale-run-closer",
            every = "${onyx.vault-sync.stale-check-every:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return closeStale().replaceWithVoid();
    }

    /** Closes stale runs now; answers how many. */
    public Uni<Integer> closeStale() {
        return runs.closeDead();
    }
}
