package com.onyxos.stats.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A creator's anomalies (values kept, and why) and the implausible values held for it. */
@ApplicationScoped
public class AnomalyRows {

    private final Pool pool;

    public AnomalyRows(Pool pool) {
        this.pool = pool;
    }

    /**
     * Records that data of a creator was kept instead of replaced (a listing or series that failed, came back empty
     * or did not add up), beside the figures' anomalies.
     *
     * @param field what was kept, e.g. {@code topSpenders.all_time}
     * @param kind missing, empty, error or implausible
     */
    public Uni<Void> record(
            UUID agencyId,
            UUID creatorId,
            String source,
            String field,
            String kind,
            String stored,
            String received,
            String detail) {
        return pool.preparedQuery("insert into stats_anomalies (agency_id, model_id, source, field, kind,"
                        + " stored_value, received_value, detail) values ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.tuple()
                        .addValue(agencyId)
                        .addValue(creatorId)
                        .addValue(clip(source, 255))
                        .addValue(field)
                        .addValue(kind)
                        .addValue(clip(stored, 1000))
                        .addValue(clip(received, 1000))
                        .addValue(clip(detail, 1000)))
                .replaceWithVoid();
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** The creator's newest anomalies. */
    public Uni<List<AnomalyItem>> latest(UUID agencyId, UUID creatorId, int limit) {
        return pool.preparedQuery("select id, source, field, kind, stored_value, received_value, detail, occurred_at"
                        + " from stats_anomalies where model_id = $1 and agency_id = $2"
                        + " order by occurred_at desc, id limit $3")
                .execute(Tuple.of(creatorId, agencyId, limit))
                .map(rows -> {
                    List<AnomalyItem> items = new ArrayList<>();
                    for (Row row : rows) {
                        items.add(new AnomalyItem(
                                row.getUUID("id"),
                                row.getString("field"),
                                row.getString("kind"),
                                row.getString("source"),
                                row.getString("stored_value"),
                                row.getString("received_value"),
                                row.getString("detail"),
                                SqlTimes.instant(row.getValue("occurred_at"))));
                    }
                    return items;
                });
    }

    /** The values held for the creator until a later refresh confirms them. */
    public Uni<List<HeldItem>> held(UUID agencyId, UUID creatorId) {
        return pool.preparedQuery("select field, pending_value, source, received_at from stats_pending_values"
                        + " where model_id = $1 and agency_id = $2 order by field")
                .execute(Tuple.of(creatorId, agencyId))
                .map(rows -> {
                    List<HeldItem> items = new ArrayList<>();
                    for (Row row : rows) {
                        items.add(new HeldItem(
                                row.getString("field"),
                                row.getLong("pending_value"),
                                row.getString("source"),
                                SqlTimes.instant(row.getValue("received_at"))));
                    }
                    return items;
                });
    }

    /**
     * A value kept instead of replaced.
     *
     * @param id the row
     * @param field the figure
     * @param kind missing, empty, error or implausible
     * @param source trigger and Fanvue route
     * @param storedValue the value kept
     * @param receivedValue what arrived instead
     * @param detail the Fanvue error or rule
     * @param occurredAt when
     */
    public record AnomalyItem(
            UUID id,
            String field,
            String kind,
            String source,
            String storedValue,
            String receivedValue,
            String detail,
            Instant occurredAt) {}

    /**
     * An implausible value waiting for confirmation.
     *
     * @param field the figure
     * @param value the value held
     * @param source what sent it
     * @param receivedAt when
     */
    public record HeldItem(String field, long value, String source, Instant receivedAt) {}
}
