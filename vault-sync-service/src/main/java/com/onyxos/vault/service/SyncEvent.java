package com.onyxos.vault.service;

import com.onyxos.vault.repository.RunRow;
import java.util.List;
import java.util.UUID;

/**
 * A step of a sync run as the dashboard follows it: {@code progress} while running (folders done, assets seen so
 * far), then one {@code finished} with the final counts.
 */
public record SyncEvent(
        String type,
        UUID runId,
        String status,
        int foldersTotal,
        int foldersDone,
        int assetsSeen,
        int inserted,
        int updated,
        int unchanged,
        int removed,
        List<String> errors) {

    static SyncEvent of(RunRow run) {
        return new SyncEvent(
                run.running() ? "progress" : "finished",
                run.id(),
                run.status(),
                run.foldersTotal(),
                run.foldersDone(),
                run.assetsSeen(),
                run.inserted(),
                run.updated(),
                run.unchanged(),
                run.removed(),
                run.errors());
    }
}
