package com.onyxos.vault.repository;

import com.onyxos.vault.service.AttributedEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Records events attributed from Fanvue ({@code source = 'fanvue'}) in one statement, matched to the creator's assets
 * by media uuid; idempotent per (asset, message, type), so re-attributing, or a send the dashboard already
 * reported, adds nothing. Assets are found by {@code model_id} alone, like the sync's reads: the planner then joins
 * the creator's rows, not the whole agency's once per creator; the events' foreign key (asset, agency) still
 * refuses an asset of another agency.
 */
@ApplicationScoped
public class AttributedEventWriter {

    private final Pool pool;

    public AttributedEventWriter(Pool pool) {
        this.pool = pool;
    }

    /** Records the events whose media is one of the creator's assets; answers how many were new. */
    public Uni<Integer> record(UUID agencyId, UUID modelId, List<AttributedEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        JsonArray rows = new JsonArray();
        events.forEach(event -> rows.add(new JsonObject()
                .put("media", event.mediaUuid().toString())
                .put("type", event.type())
                .put("message", event.messageUuid())
                .put("revenue", event.revenue())
                .put("at", event.at().toString())));
        return pool.preparedQuery("insert into asset_events (agency_id, asset_id, event_type, source, message_uuid,"
                        + " revenue, occurred_at) select $1, a.id, e.type, 'fanvue', e.message, e.revenue, e.at"
                        + " from jsonb_to_recordset($2::jsonb) as e(media uuid, type text, message text, revenue bigint,"
                        + " at timestamptz) join content_assets a on a.model_id = $3 and a.fanvue_media_uuid = e.media"
                        + " on conflict (asset_id, message_uuid, event_type) do nothing")
                .execute(Tuple.of(agencyId, rows, modelId))
                .map(RowSet::rowCount);
    }
}
