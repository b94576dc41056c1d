package com.onyxos.vault.service;

import com.onyxos.common.run.Lease;
import com.onyxos.vault.config.VaultSyncConfig;
import com.onyxos.vault.repository.AssetSyncWriter;
import com.onyxos.vault.repository.CreatorRef;
import com.onyxos.vault.repository.RunRow;
import com.onyxos.vault.repository.StoredAsset;
import com.onyxos.vault.repository.SyncRunRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a vault snapshot: reads the creator's stored rows once, writes per batch only what differs (an unchanged
 * re-sync writes nothing; each batch adds to the run's counts in the same statement), then records the run's outcome
 * in one statement with the removals — what Fanvue no longer lists, only after a complete, unfiltered pass. Every
 * database step waits for one of the process's {@link VaultSyncConfig#writeConcurrency()} permits, and every one is
 * fenced on the run's lease: a run another process closed writes nothing more.
 */
@ApplicationScoped
public class VaultWriter {

    private final AssetSyncWriter assets;
    private final SyncRunRepository runs;
    private final VaultSyncConfig config;
    private final Permits writers;

    public VaultWriter(AssetSyncWriter assets, SyncRunRepository runs, VaultSyncConfig config) {
        this.assets = assets;
        this.runs = runs;
        this.config = config;
        this.writers = new Permits(config.writeConcurrency());
    }

    /** Writes the snapshot's batches; the removals are only listed (they are applied by {@link #finish}). */
    Uni<SyncOutcome> apply(CreatorRef creator, Lease run, VaultSnapshot snapshot, SyncFilter filter) {
        List<IncomingAsset> incoming = snapshot.incoming();
        Set<String> failed = snapshot.failedFolders();
        return writers.run(assets.load(creator.id())).chain(stored -> Multi.createFrom()
                .iterable(batches(incoming))
                .onItem()
                .transformToUniAndConcatenate(batch -> writers.run(writeBatch(creator, run, batch, stored, failed)))
                .collect()
                .in(() -> new int[3], (sum, counts) -> {
                    for (int i = 0; i < 3; i++) {
                        sum[i] += counts[i];
                    }
                })
                .map(counts ->
                        outcome(snapshot, incoming.size(), counts, removals(snapshot, filter, incoming, stored))));
    }

    /**
     * Records the run's outcome together with its removals, in one statement; answers the run as stored (as another
     * process closed it, if it did: then nothing of this outcome is written).
     */
    Uni<RunRow> finish(UUID agencyId, Lease run, SyncOutcome outcome) {
        SyncRunRepository.Finish finish = new SyncRunRepository.Finish(
                outcome.status(),
                outcome.inserted(),
                outcome.updated(),
                outcome.unchanged(),
                outcome.assetsSeen(),
                outcome.errors(),
                "Synced " + outcome.assetsSynced() + " assets from Fanvue Vault",
                outcome.removals());
        return run.finish(() -> writers.run(runs.finish(run, finish)))
                .chain(stored -> stored != null ? Uni.createFrom().item(stored) : runs.find(agencyId, run.runId()));
    }

    /** Inserted, updated and unchanged counts of one batch. */
    private Uni<int[]> writeBatch(
            CreatorRef creator,
            Lease run,
            List<IncomingAsset> batch,
            Map<UUID, StoredAsset> stored,
            Set<String> failed) {
        List<AssetWrite> writes = batch.stream()
                .map(asset -> AssetDiff.decide(asset, stored.get(asset.uuid()), creator.id(), failed))
                .filter(Objects::nonNull)
                .toList();
        int unchanged = batch.size() - writes.size();
        return assets.write(creator.agencyId(), creator.id(), run, writes, unchanged)
                .map(inserted -> new int[] {inserted, writes.size() - inserted, unchanged});
    }

    /** The creator's active assets that this complete, unfiltered pass did not see. */
    private static List<UUID> removals(
            VaultSnapshot snapshot, SyncFilter filter, List<IncomingAsset> seen, Map<UUID, StoredAsset> stored) {
        if (!snapshot.complete() || filter.selective()) {
            return List.of();
        }
        Set<UUID> seenUuids = new HashSet<>();
        seen.forEach(asset -> seenUuids.add(asset.uuid()));
        return stored.values().stream()
                .filter(asset -> "active".equals(asset.status()) && !seenUuids.contains(asset.fanvueMediaUuid()))
                .map(StoredAsset::fanvueMediaUuid)
                .toList();
    }

    private static SyncOutcome outcome(VaultSnapshot snapshot, int seen, int[] counts, List<UUID> removals) {
        List<String> errors = snapshot.errors();
        String status = errors.isEmpty() ? "succeeded" : seen > 0 || counts[0] + counts[1] > 0 ? "partial" : "failed";
        return new SyncOutcome(status, seen, counts[0], counts[1], counts[2], removals, errors);
    }

    private List<List<IncomingAsset>> batches(List<IncomingAsset> incoming) {
        List<List<IncomingAsset>> batches = new ArrayList<>();
        for (int from = 0; from < incoming.size(); from += config.writeBatch()) {
            batches.add(incoming.subList(from, Math.min(incoming.size(), from + config.writeBatch())));
        }
        return batches;
    }
}
