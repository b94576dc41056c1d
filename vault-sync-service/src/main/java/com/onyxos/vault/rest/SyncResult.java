package com.onyxos.vault.rest;

import com.onyxos.vault.repository.RunRow;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The seed's answer ({@code success}, {@code message}, {@code assetsSynced}, {@code errors}) plus what an agency
 * tool needs: the run ids and what was inserted, updated, left unchanged and removed.
 */
public record SyncResult(
        boolean success,
        String message,
        int assetsSynced,
        List<String> errors,
        UUID runId,
        List<UUID> runIds,
        int inserted,
        int updated,
        int unchanged,
        int removed) {

    static SyncResult of(List<RunRow> runs) {
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        int removed = 0;
        List<String> errors = new ArrayList<>();
        boolean success = true;
        for (RunRow run : runs) {
            inserted += run.inserted();
            updated += run.updated();
            unchanged += run.unchanged();
            removed += run.removed();
            errors.addAll(run.errors());
            success &= !"failed".equals(run.status());
        }
        int synced = inserted + updated + unchanged;
        List<UUID> ids = runs.stream().map(RunRow::id).toList();
        return new SyncResult(
                success,
                "Synced " + synced + " assets from Fanvue Vault",
                synced,
                errors,
                ids.size() == 1 ? ids.get(0) : null,
                ids,
                inserted,
                updated,
                unchanged,
                removed);
    }
}
