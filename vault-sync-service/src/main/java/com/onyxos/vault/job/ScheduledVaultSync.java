package com.onyxos.vault.job;

import com.onyxos.vault.repository.CreatorRows;
import com.onyxos.vault.service.RoiCalculation;
import com.onyxos.vault.service.SyncFilter;
import com.onyxos.vault.service.SyncRequest;
import com.onyxos.vault.service.VaultSyncService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Syncs every agency's vaults, then refreshes their ROI from Fanvue's messages: every 6 hours in-process (single-node and local runs), or when the Kubernetes CronJob
 * calls the job endpoint. Running both at once is harmless: a creator whose sync is running is joined, not synced
 * twice.
 */
@ApplicationScoped
public class ScheduledVaultSync {

    private static final Logger LOG = Logger.getLogger(ScheduledVaultSync.class);

    private final CreatorRows creators;
    private final VaultSyncService syncs;
    private final RoiCalculation roi;

    public ScheduledVaultSync(CreatorRows creators, VaultSyncService syncs, RoiCalculation roi) {
        this.creators = creators;
        this.syncs = syncs;
        this.roi = roi;
    }

    @Scheduled(
            identity = "vault-sync-every-agency",
            every = "${onyx.vault-sync.schedule-every:6h}",
            delayed = "${onyx.vault-sync.schedule-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return syncAll("schedule")
                .invoke(runs -> LOG.infof("Scheduled vault sync started %d run(s)", runs))
                .replaceWithVoid();
    }

    /** Starts (or joins) the sync of every active creator of every agency; answers how many runs were started. */
    public Uni<Integer> syncAll(String trigger) {
        return creators.agenciesToSchedule()
                .onItem()
                .transformToMulti(agencies -> Multi.createFrom().iterable(agencies))
                .onItem()
                .transformToUniAndConcatenate(
                        agency -> syncs.startAgency(agency, new SyncRequest(trigger, trigger, SyncFilter.ALL)))
                .collect()
                .asList()
                .map(started -> started.stream().mapToInt(List::size).sum());
    }
}
