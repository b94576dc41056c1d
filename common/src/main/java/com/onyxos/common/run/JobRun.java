package com.onyxos.common.run;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A row of {@code job_runs}.
 *
 * @param abandoned true when its process died and another one closed it (status {@code failed}; the counts are what
 *     it recorded before)
 */
public record JobRun(
        UUID id,
        String job,
        UUID agencyId,
        String trigger,
        String status,
        Map<String, Long> counts,
        List<String> errors,
        String message,
        boolean abandoned,
        Instant startedAt,
        Instant heartbeatAt,
        Instant finishedAt) {

    static final String COLUMNS = "id, job, agency_id, trigger, status, counts, errors, message,"
            + " closed_by is not null as abandoned, started_at, heartbeat_at, finished_at";

    public boolean running() {
        return "running".equals(status);
    }

    static JobRun from(Row row) {
        return new JobRun(
                row.getUUID("id"),
                row.getString("job"),
                row.getUUID("agency_id"),
                row.getString("trigger"),
                row.getString("status"),
                counts(row.getJsonObject("counts")),
                Arrays.asList(row.getArrayOfStrings("errors")),
                row.getString("message"),
                row.getBoolean("abandoned"),
                instant(row.getOffsetDateTime("started_at")),
                instant(row.getOffsetDateTime("heartbeat_at")),
                instant(row.getOffsetDateTime("finished_at")));
    }

    private static Map<String, Long> counts(JsonObject json) {
        Map<String, Long> counts = new LinkedHashMap<>();
        json.forEach(entry -> counts.put(entry.getKey(), ((Number) entry.getValue()).longValue()));
        return counts;
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
