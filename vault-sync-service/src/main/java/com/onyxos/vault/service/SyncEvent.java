package com.onyxos.vault.service;

import com.onyxos.vault.repository.RunRow;
import java.util.List;
import java.util.UUID;

/**
 * A step of a sync run as the dashboard follows it: {@code progress} while running (folders done, assets seen so
 * far), then one {@code finished} with the final counts; {@code abandoned} when its process died before finishing
 * (status {@code failed}, the counts it had written, and a {@code message} saying so).
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
        List<String> errors,
        boolean abandoned,
        String message) {

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
                run.errors(),
                run.abandoned(),
                run.message());
    }
}
