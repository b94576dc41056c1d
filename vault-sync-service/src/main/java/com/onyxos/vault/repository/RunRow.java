package com.onyxos.vault.repository;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A row of {@code sync_runs}.
 *
 * @param abandoned true when its process died before finishing and another one closed it ({@code failed}; the counts
 *     are what it had written)
 */
public record RunRow(
        UUID id,
        UUID agencyId,
        UUID modelId,
        String trigger,
        String status,
        String requestedBy,
        List<String> folders,
        List<String> mediaTypes,
        int foldersTotal,
        int foldersDone,
        int assetsSeen,
        int inserted,
        int updated,
        int unchanged,
        int removed,
        List<String> errors,
        String message,
        boolean abandoned,
        Instant startedAt,
        Instant heartbeatAt,
        Instant finishedAt) {

    static final String COLUMNS = "id, agency_id, model_id, trigger, status, requested_by, folders, media_types,"
            + " folders_total, folders_done, assets_seen, inserted_count, updated_count, unchanged_count,"
            + " removed_count, errors, message, closed_by is not null as abandoned, started_at, heartbeat_at,"
            + " finished_at";

    public boolean running() {
        return "running".equals(status);
    }

    static RunRow from(Row row) {
        return new RunRow(
                row.getUUID("id"),
                row.getUUID("agency_id"),
                row.getUUID("model_id"),
                row.getString("trigger"),
                row.getString("status"),
                row.getString("requested_by"),
                list(row.getArrayOfStrings("folders")),
                list(row.getArrayOfStrings("media_types")),
                row.getInteger("folders_total"),
                row.getInteger("folders_done"),
                row.getInteger("assets_seen"),
                row.getInteger("inserted_count"),
                row.getInteger("updated_count"),
                row.getInteger("unchanged_count"),
                row.getInteger("removed_count"),
                list(row.getArrayOfStrings("errors")),
                row.getString("message"),
                row.getBoolean("abandoned"),
                instant(row.getOffsetDateTime("started_at")),
                instant(row.getOffsetDateTime("heartbeat_at")),
                instant(row.getOffsetDateTime("finished_at")));
    }

    private static List<String> list(String[] values) {
        return values == null ? null : Arrays.asList(values);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
