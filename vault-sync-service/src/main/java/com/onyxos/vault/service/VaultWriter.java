package com.onyxos.vault.service;

import com.onyxos.vault.config.VaultSyncConfig;
import com.onyxos.vault.repository.AssetSyncWriter;
import com.onyxos.vault.repository.CreatorRef;
import com.onyxos.vault.repository.StoredAsset;
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
 * re-sync writes nothing), then — only after a complete, unfiltered pass — marks removed what Fanvue no longer
 * lists. Every database step waits for one of the process's {@link VaultSyncConfig#writeConcurrency()} permits.
 */
@ApplicationScoped
public class VaultWriter {

    private final AssetSyncWriter assets;
    private final VaultSyncConfig config;
    private final Permits writers;

    public VaultWriter(AssetSyncWriter assets, VaultSyncConfig config) {
        this.assets = assets;
        this.config = config;
        this.writers = new Permits(config.writeConcurrency());
    }

    Uni<SyncOutcome> apply(CreatorRef creator, UUID runId, VaultSnapshot snapshot, SyncFilter filter) {
        List<IncomingAsset> incoming = snapshot.incoming();
        Set<String> failed = snapshot.failedFolders();
        return writers.run(assets.load(creator.id())).chain(stored -> Multi.createFrom()
                .iterable(batches(incoming))
                .onItem()
                .transformToUniAndConcatenate(batch -> writers.run(writeBatch(creator, runId, batch, stored, failed)))
                .collect()
                .in(() -> new int[3], (sum, counts) -> {
                    for (int i = 0; i < 3; i++) {
                        sum[i] += counts[i];
                    }
                })
                .chain(counts -> removals(creator, runId, snapshot, filter, incoming, stored)
                        .map(removed -> outcome(snapshot, incoming.size(), counts, removed))));
    }

    /** Inserted, updated and unchanged counts of one batch. */
    private Uni<int[]> writeBatch(
            CreatorRef creator,
            UUID runId,
            List<IncomingAsset> batch,
            Map<UUID, StoredAsset> stored,
            Set<String> failed) {
        List<AssetWrite> writes = batch.stream()
                .map(asset -> AssetDiff.decide(asset, stored.get(asset.uuid()), creator.id(), failed))
                .filter(Objects::nonNull)
                .toList();
        return assets.write(creator.agencyId(), creator.id(), runId, writes)
                .map(inserted -> new int[] {inserted, writes.size() - inserted, batch.size() - writes.size()});
    }

    /** Marks removed the creator's active assets that this complete, unfiltered pass did not see. */
    private Uni<Integer> removals(
            CreatorRef creator,
            UUID runId,
            VaultSnapshot snapshot,
            SyncFilter filter,
            List<IncomingAsset> seen,
            Map<UUID, StoredAsset> stored) {
        if (!snapshot.complete() || filter.selective()) {
            return Uni.createFrom().item(0);
        }
        Set<UUID> seenUuids = new HashSet<>();
        seen.forEach(asset -> seenUuids.add(asset.uuid()));
        List<UUID> gone = stored.values().stream()
                .filter(asset -> "active".equals(asset.status()) && !seenUuids.contains(asset.fanvueMediaUuid()))
                .map(StoredAsset::fanvueMediaUuid)
                .toList();
        return writers.run(assets.markRemoved(creator.agencyId(), creator.id(), gone, runId));
    }

    private static SyncOutcome outcome(VaultSnapshot snapshot, int seen, int[] counts, int removed) {
        List<String> errors = snapshot.errors();
        String status = errors.isEmpty() ? "succeeded" : seen > 0 || counts[0] + counts[1] > 0 ? "partial" : "failed";
        return new SyncOutcome(status, seen, counts[0], counts[1], counts[2], removed, errors);
    }

    private List<List<IncomingAsset>> batches(List<IncomingAsset> incoming) {
        List<List<IncomingAsset>> batches = new ArrayList<>();
        for (int from = 0; from < incoming.size(); from += config.writeBatch()) {
            batches.add(incoming.subList(from, Math.min(incoming.size(), from + config.writeBatch())));
        }
        return batches;
    }
}
