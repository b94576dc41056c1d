package com.onyxos.vault.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Asset events, written on the caller's transaction: idempotent per (asset, message, type). */
@ApplicationScoped
public class AssetEventRepository {

    private static final String INSERT = """
            insert into asset_events (agency_id, asset_id, event_type, source, message_uuid, revenue, occurred_at)
            values ($1, $2, $3, $4, $5, $6, $7)
            on conflict on constraint asset_events_idempotency_uq do nothing
            returning\s""" + EventItem.COLUMNS;

    private static final String FIND = "select " + EventItem.COLUMNS
            + " from asset_events where agency_id = $1 and asset_id = $2 and message_uuid = $3 and event_type = $4";

    /**
     * Locks the agency's asset against other event writers until {@code tx} ends (a no-key lock: sync's inserts of
     * events and other readers are not blocked).
     *
     * @return whether the agency has the asset
     */
    public Uni<Boolean> lockAsset(SqlClient tx, UUID agencyId, UUID assetId) {
        return tx.preparedQuery("select id from content_assets where id = $1 and agency_id = $2 for no key update")
                .execute(Tuple.of(assetId, agencyId))
                .map(rows -> rows.size() > 0);
    }

    /**
     * Records the event unless one with the same (asset, message, type) exists.
     *
     * @return the new event, or null when it was already recorded
     */
    public Uni<EventItem> insertIfAbsent(SqlClient tx, UUID agencyId, NewEvent event) {
        Tuple values = Tuple.tuple()
                .addUUID(agencyId)
                .addUUID(event.assetId())
                .addString(event.type())
                .addString(event.source())
                .addString(event.messageUuid())
                .addLong(event.revenue())
                .addOffsetDateTime(event.at());
        return tx.preparedQuery(INSERT).execute(values).map(AssetEventRepository::first);
    }

    /** The event recorded for (asset, message, type), or null. */
    public Uni<EventItem> find(SqlClient tx, UUID agencyId, NewEvent event) {
        return tx.preparedQuery(FIND)
                .execute(Tuple.of(agencyId, event.assetId(), event.messageUuid(), event.type()))
                .map(AssetEventRepository::first);
    }

    private static EventItem first(RowSet<Row> rows) {
        return rows.size() == 0 ? null : EventItem.of(rows.iterator().next());
    }

    /**
     * An event to record.
     *
     * @param assetId the asset
     * @param type sent or unlocked
     * @param source dashboard or fanvue
     * @param messageUuid the message that carried the asset
     * @param revenue minor units, 0 for sends
     * @param at when it happened
     */
    public record NewEvent(
            UUID assetId, String type, String source, String messageUuid, long revenue, OffsetDateTime at) {}
}
