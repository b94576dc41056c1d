package com.onyxos.vault.service;

import com.onyxos.vault.config.VaultSyncConfig;
import com.onyxos.vault.repository.AssetSyncWriter;
import com.onyxos.vault.repository.CreatorRef;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a vault snapshot: per batch, reads the stored rows, writes only what differs (an unchanged re-sync writes
 * nothing), then — only after a complete, unfiltered pass — marks removed what Fanvue no longer lists.
 */
@ApplicationScoped
public class VaultWriter {

    private final AssetSyncWriter assets;
    private final VaultSyncConfig config;

    public VaultWriter(AssetSyncWriter assets, VaultSyncConfig config) {
        this.assets = assets;
        this.config = config;
    }

    Uni<SyncOutcome> apply(CreatorRef creator, UUID runId, VaultSnapshot snapshot, SyncFilter filter) {
        List<IncomingAsset> incoming = snapshot.incoming();
        Set<String> failed = snapshot.failedFolders();
        return Multi.createFrom()
                .iterable(batches(incoming))
                .onItem()
                .transformToUniAndConcatenate(batch -> writeBatch(creator, runId, batch, failed))
                .collect()
                .in(() -> new int[3], (sum, counts) -> {
                    for (int i = 0; i < 3; i++) {
                        sum[i] += counts[i];
                    }
                })
                .chain(counts -> removals(creator, runId, snapshot, filter, incoming)
                        .map(removed -> outcome(snapshot, incoming.size(), counts, removed)));
    }

    /** Inserted, updated and unchanged counts of one batch. */
    private Uni<int[]> writeBatch(CreatorRef creator, UUID runId, List<IncomingAsset> batch, Set<String> failed) {
        return assets.load(
                        creator.agencyId(),
                        batch.stream().map(IncomingAsset::uuid).toList())
                .chain(stored -> {
                    List<AssetWrite> writes = batch.stream()
                            .map(asset -> AssetDiff.decide(asset, stored.get(asset.uuid()), creator.id(), failed))
                            .filter(Objects::nonNull)
                            .toList();
                    return assets.write(creator.agencyId(), creator.id(), runId, writes)
                            .map(inserted ->
                                    new int[] {inserted, writes.size() - inserted, batch.size() - writes.size()});
                });
    }

    private Uni<Integer> removals(
            CreatorRef creator, UUID runId, VaultSnapshot snapshot, SyncFilter filter, List<IncomingAsset> seen) {
        if (!snapshot.complete() || filter.selective()) {
            return Uni.createFrom().item(0);
        }
        return assets.markRemoved(
                creator.agencyId(),
                creator.id(),
                seen.stream().map(IncomingAsset::uuid).toList(),
                runId);
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
