package com.onyxos.vault.service;

import java.util.List;
import java.util.UUID;

/**
 * What one creator's sync did.
 *
 * @param status {@code succeeded}, {@code partial} (some folders failed) or {@code failed}
 * @param assetsSeen assets Fanvue listed (after filters)
 * @param inserted new rows
 * @param updated changed rows
 * @param unchanged rows already up to date (not written)
 * @param removals media uuids to mark removed when the run is recorded (after a complete, unfiltered pass only)
 * @param errors what went wrong, one line each
 */
public record SyncOutcome(
        String status,
        int assetsSeen,
        int inserted,
        int updated,
        int unchanged,
        List<UUID> removals,
        List<String> errors) {

    static SyncOutcome failed(String error) {
        return new SyncOutcome("failed", 0, 0, 0, 0, List.of(), List.of(error));
    }

    /** Assets stored or confirmed by this run. */
    public int assetsSynced() {
        return inserted + updated + unchanged;
    }
}
