package com.onyxos.vault.repository;

import com.onyxos.vault.service.AssetWrite;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The sync's writes to {@code content_assets}: one statement per batch (the batch travels as one JSON parameter),
 * keyed by (agency, Fanvue media uuid). Only sync-owned columns are written; {@code content_type} is set on insert
 * only and {@code user_tags} never, so what a user edited survives every re-sync.
 */
@ApplicationScoped
public class AssetSyncWriter {

    private final Pool pool;

    public AssetSyncWriter(Pool pool) {
        this.pool = pool;
    }

    /** The stored rows of these media, by media uuid. */
    public Uni<Map<UUID, StoredAsset>> load(UUID agencyId, Collection<UUID> mediaUuids) {
        return pool.preparedQuery("select fanvue_media_uuid, model_id, fanvue_folder, fanvue_folders, file_name,"
                        + " media_type, tags, status, created_at from content_assets"
                        + " where agency_id = $1 and fanvue_media_uuid = any($2)")
                .execute(Tuple.of(agencyId, mediaUuids.toArray(UUID[]::new)))
                .map(AssetSyncWriter::byUuid);
    }

    /** Inserts or updates the batch; returns how many rows were new. */
    public Uni<Integer> write(UUID agencyId, UUID modelId, UUID runId, List<AssetWrite> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return pool.preparedQuery("insert into content_assets (agency_id, model_id, fanvue_media_uuid, fanvue_folder,"
                        + " fanvue_folders, file_name, media_type, tags, created_at, last_synced_at, last_sync_run_id)"
                        + " select $1, $2, m.uuid, m.folder, m.folders, m.file_name, m.media_type, m.tags,"
                        + " coalesce(m.created_at, now()), now(), $3 from jsonb_to_recordset($4::jsonb) as m(uuid uuid,"
                        + " folder text, folders text[], file_name text, media_type text, tags text[],"
                        + " created_at timestamptz)"
                        + " on conflict (agency_id, fanvue_media_uuid) do update set model_id = excluded.model_id,"
                        + " fanvue_folder = excluded.fanvue_folder, fanvue_folders = excluded.fanvue_folders,"
                        + " file_name = excluded.file_name, media_type = excluded.media_type, tags = excluded.tags,"
                        + " created_at = excluded.created_at, status = 'active', removed_at = null,"
                        + " updated_at = now(), last_synced_at = now(), last_sync_run_id = excluded.last_sync_run_id"
                        + " returning (xmax = 0) as inserted")
                .execute(Tuple.of(agencyId, modelId, runId, asJson(batch)))
                .map(AssetSyncWriter::countInserted);
    }

    /**
     * Marks removed the creator's active assets this complete pass did not see; returns how many. Call it only
     * after a complete, successful pass over every folder.
     */
    public Uni<Integer> markRemoved(UUID agencyId, UUID modelId, Collection<UUID> seen, UUID runId) {
        return pool.preparedQuery("update content_assets set status = 'removed', removed_at = now(),"
                        + " updated_at = now(), last_sync_run_id = $4 where agency_id = $1 and model_id = $2"
                        + " and status = 'active' and not (fanvue_media_uuid = any($3))")
                .execute(Tuple.of(agencyId, modelId, seen.toArray(UUID[]::new), runId))
                .map(RowSet::rowCount);
    }

    /** The batch as a JSON array (a Java string would be bound as one JSON string, not an array). */
    private static JsonArray asJson(List<AssetWrite> batch) {
        JsonArray rows = new JsonArray();
        for (AssetWrite asset : batch) {
            rows.add(new JsonObject()
                    .put("uuid", asset.fanvueMediaUuid().toString())
                    .put("folder", asset.fanvueFolder())
                    .put("folders", new JsonArray(asset.fanvueFolders()))
                    .put("file_name", asset.fileName())
                    .put("media_type", asset.mediaType())
                    .put("tags", new JsonArray(asset.tags()))
                    .put(
                            "created_at",
                            asset.createdAt() == null ? null : asset.createdAt().toString()));
        }
        return rows;
    }

    private static Map<UUID, StoredAsset> byUuid(RowSet<Row> rows) {
        Map<UUID, StoredAsset> stored = new HashMap<>();
        for (Row row : rows) {
            StoredAsset asset = new StoredAsset(
                    row.getUUID("fanvue_media_uuid"),
                    row.getUUID("model_id"),
                    row.getString("fanvue_folder"),
                    Arrays.asList(row.getArrayOfStrings("fanvue_folders")),
                    row.getString("file_name"),
                    row.getString("media_type"),
                    Arrays.asList(row.getArrayOfStrings("tags")),
                    row.getString("status"),
                    row.getOffsetDateTime("created_at").toInstant());
            stored.put(asset.fanvueMediaUuid(), asset);
        }
        return stored;
    }

    private static int countInserted(RowSet<Row> rows) {
        int inserted = 0;
        for (Row row : rows) {
            inserted += row.getBoolean("inserted") ? 1 : 0;
        }
        return inserted;
    }
}
