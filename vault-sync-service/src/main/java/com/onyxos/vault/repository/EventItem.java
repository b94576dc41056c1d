package com.onyxos.vault.repository;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.UUID;

/**
 * A recorded send or unlock of an asset.
 *
 * @param id the event
 * @param assetId the asset
 * @param type sent or unlocked
 * @param source dashboard (our send flow) or fanvue (attributed from Fanvue messages)
 * @param messageUuid the message that carried the asset
 * @param revenue revenue of an unlock in minor units (0 for sends)
 * @param at when it happened
 * @param recordedAt when we recorded it
 */
public record EventItem(
        UUID id,
        UUID assetId,
        String type,
        String source,
        String messageUuid,
        long revenue,
        Instant at,
        Instant recordedAt) {

    /** Columns {@link #of} reads. */
    static final String COLUMNS = "id, asset_id, event_type, source, message_uuid, revenue, occurred_at, created_at";

    static EventItem of(Row row) {
        return new EventItem(
                row.getUUID("id"),
                row.getUUID("asset_id"),
                row.getString("event_type"),
                row.getString("source"),
                row.getString("message_uuid"),
                row.getLong("revenue"),
                row.getOffsetDateTime("occurred_at").toInstant(),
                row.getOffsetDateTime("created_at").toInstant());
    }
}
