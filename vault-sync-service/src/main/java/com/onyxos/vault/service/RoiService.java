package com.onyxos.vault.service;

import com.onyxos.vault.mapping.AssetSort;
import com.onyxos.vault.repository.AssetItem;
import com.onyxos.vault.repository.AssetQueryRepository;
import com.onyxos.vault.repository.FolderStats;
import com.onyxos.vault.repository.RoiReportRepository;
import com.onyxos.vault.repository.VaultPerformanceRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Per-asset ROI: recalculation of {@code vault_performance} from {@code asset_events}, best sellers and folder
 * performance. times_sent and times_unlocked count the events of each type, total_revenue sums the unlocks'
 * revenue (minor units), conversion_rate = unlocked / max(sent, unlocked) with six decimals: 0 when neither, and
 * capped at 1 when more unlocks than sends were recorded (an unlock implies a send).
 */
@ApplicationScoped
public class RoiService {

    private final Pool pool;
    private final VaultPerformanceRepository performance;
    private final AssetQueryRepository assets;
    private final RoiReportRepository reports;

    public RoiService(
            Pool pool,
            VaultPerformanceRepository performance,
            AssetQueryRepository assets,
            RoiReportRepository reports) {
        this.pool = pool;
        this.performance = performance;
        this.assets = assets;
        this.reports = reports;
    }

    /**
     * Recomputes {@code vault_performance} from {@code asset_events} for every asset of the agency, or of one of its
     * creators, in one set-based statement; rows whose numbers are unchanged are not written. Waits for event
     * reports in flight in that agency, so none is missed. Sync calls this after inserting its {@code fanvue}
     * events.
     *
     * @param agencyId the agency
     * @param modelId one creator of the agency, or null for the whole agency
     * @return performance rows inserted or changed (0 on a repeat run)
     */
    public Uni<Integer> recalculate(UUID agencyId, UUID modelId) {
        return pool.withTransaction(tx ->
                performance.lockAgency(tx, agencyId, true).chain(() -> performance.recompute(tx, agencyId, modelId)));
    }

    /** Active assets sent at least {@code minSends} times, best first by revenue or conversion. */
    public Uni<List<AssetItem>> bestSellers(UUID agencyId, UUID modelId, AssetSort by, int minSends, int limit) {
        return assets.bestSellers(agencyId, modelId, by, minSends, limit);
    }

    /** Asset count, average conversion and revenue per vault folder, over active assets. */
    public Uni<List<FolderStats>> folders(UUID agencyId, UUID modelId) {
        return reports.folders(agencyId, modelId);
    }
}
