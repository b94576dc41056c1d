package com.onyxos.vault.job;

import com.onyxos.vault.config.VaultSyncConfig;
import com.onyxos.vault.repository.SyncRunRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Closes, as failed, sync runs whose process died (no heartbeat for a while), so a creator is never stuck
 * "running" and the next sync can start; that sync converges to the same rows as a clean one.
 */
@ApplicationScoped
public class StaleRunCloser {

    private static final Logger LOG = Logger.getLogger(StaleRunCloser.class);

    private final SyncRunRepository runs;
    private final VaultSyncConfig config;

    public StaleRunCloser(SyncRunRepository runs, VaultSyncConfig config) {
        this.runs = runs;
        this.config = config;
    }

    @Scheduled(
            identity = "vault-stale-run-closer",
            every = "${onyx.vault-sync.stale-check-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return closeStale().replaceWithVoid();
    }

    /** Closes stale runs now; answers how many. */
    public Uni<Integer> closeStale() {
        return runs.closeStale(config.staleRunAfter()).invoke(closed -> {
            if (closed > 0) {
                LOG.warnf("Closed %d sync run(s) left running by a process that stopped", closed);
            }
        });
    }
}
