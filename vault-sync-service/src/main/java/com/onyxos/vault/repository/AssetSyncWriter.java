package com.onyxos.vault.repository;

import com.onyxos.common.run.Lease;
import com.onyxos.common.run.LeaseLostException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The sync's writes to {@code content_assets}: one statement per batch (the batch travels as one JSON parameter),
 * keyed by (agency, Fanvue media uuid). Only sync-owned columns are written; {@code content_type} is set on insert
 * only and {@code user_tags} never, so what a user edited survives every re-sync. Each batch adds to its run's counts
 * in the same statement, so a run whose process dies has recorded exactly what it wrote.
 */
@ApplicationScoped
public class AssetSyncWriter {

    private final Pool pool;

    public AssetSyncWriter(Pool pool) {
        this.pool = pool;
    }

    /**
     * The creator's stored rows (every status), by media uuid. Filtered on {@code model_id} alone: the composite
     * foreign key (model_id, agency_id) already confines these rows to the creator's agency, and with no
     * {@code agency_id} condition the planner has one index to choose, the creator's. With one it could scan the
     * whole agency when its statistics are stale, as they are during an agency's first import.
     */
    public Uni<Map<UUID, StoredAsset>> load(UUID modelId) {
        return pool.preparedQuery("select fanvue_media_uuid, model_id, fanvue_folder, fanvue_folders, file_name,"
                        + " media_type, tags, status, created_at from content_assets where model_id = $1")
                .execute(Tuple.of(modelId))
                .map(AssetSyncWriter::byUuid);
    }

    /**
     * Inserts or updates the batch and adds what it did to the run's counts, in one statement, only while the run is
     * still running under its owner (a run another process closed writes nothing more). Returns how many rows were
     * new; fails with {@link LeaseLostException} when the run is no longer ours.
     *
     * @param unchanged assets of the batch that needed no write, added to the run's count
     */
    public Uni<Integer> write(UUID agencyId, UUID modelId, Lease run, List<AssetWrite> batch, int unchanged) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return pool.preparedQuery("with run as (select id from sync_runs where id = $3 and owner = $5"
                        + " and status = 'running'),"
                        + " written as (insert into content_assets (agency_id, model_id, fanvue_media_uuid,"
                        + " fanvue_folder, fanvue_folders, file_name, media_type, tags, created_at, last_synced_at,"
                        + " last_sync_run_id) select $1, $2, m.uuid, m.folder, m.folders, m.file_name, m.media_type,"
                        + " m.tags, coalesce(m.created_at, now()), now(), $3 from jsonb_to_recordset($4::jsonb) as"
                        + " m(uuid uuid, folder text, folders text[], file_name text, media_type text, tags text[],"
                        + " created_at timestamptz) where exists (select 1 from run)"
                        + " on conflict (agency_id, fanvue_media_uuid) do update set model_id = excluded.model_id,"
                        + " fanvue_folder = excluded.fanvue_folder, fanvue_folders = excluded.fanvue_folders,"
                        + " file_name = excluded.file_name, media_type = excluded.media_type, tags = excluded.tags,"
                        + " created_at = excluded.created_at, status = 'active', removed_at = null,"
                        + " updated_at = now(), last_synced_at = now(), last_sync_run_id = excluded.last_sync_run_id"
                        + " returning (xmax = 0) as inserted),"
                        + " counted as (update sync_runs set"
                        + " inserted_count = inserted_count + (select count(*) filter (where inserted) from written),"
                        + " updated_count = updated_count + (select count(*) filter (where not inserted) from written),"
                        + " unchanged_count = unchanged_count + $6 where id = (select id from run) returning 1)"
                        + " select (select count(*) from run) as owned, (select count(*) from counted) as counted,"
                        + " (select count(*) from written where inserted) as inserted")
                .execute(Tuple.tuple()
                        .addValue(agencyId)
                        .addValue(modelId)
                        .addValue(run.runId())
                        .addValue(asJson(batch))
                        .addValue(run.owner())
                        .addValue(unchanged))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    if (row.getLong("owned") == 0) {
                        throw new LeaseLostException(run.runId());
                    }
                    return row.getLong("inserted").intValue();
                });
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
}
