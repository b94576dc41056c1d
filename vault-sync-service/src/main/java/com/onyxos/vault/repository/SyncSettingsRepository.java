package com.onyxos.vault.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The agency's saved sync defaults ({@code vault_sync_settings}); an agency without a row syncs everything. */
@ApplicationScoped
public class SyncSettingsRepository {

    private final Pool pool;

    public SyncSettingsRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<SyncSettings> find(UUID agencyId) {
        return pool.preparedQuery("select folders, media_types, schedule_enabled, updated_by, updated_at"
                        + " from vault_sync_settings where agency_id = $1")
                .execute(Tuple.of(agencyId))
                .map(rows -> rows.iterator().hasNext() ? from(rows.iterator().next()) : SyncSettings.DEFAULTS);
    }

    public Uni<SyncSettings> save(UUID agencyId, SyncSettings settings, String by) {
        return pool.preparedQuery(
                        "insert into vault_sync_settings (agency_id, folders, media_types, schedule_enabled,"
                                + " updated_by) values ($1, $2, $3, $4, $5) on conflict (agency_id) do update set"
                                + " folders = excluded.folders, media_types = excluded.media_types,"
                                + " schedule_enabled = excluded.schedule_enabled, updated_by = excluded.updated_by,"
                                + " updated_at = now() returning folders, media_types, schedule_enabled, updated_by, updated_at")
                .execute(Tuple.tuple()
                        .addValue(agencyId)
                        .addValue(array(settings.folders()))
                        .addValue(array(settings.mediaTypes()))
                        .addValue(settings.scheduleEnabled())
                        .addValue(by))
                .map(rows -> from(rows.iterator().next()));
    }

    private static String[] array(List<String> values) {
        return values == null || values.isEmpty() ? null : values.toArray(String[]::new);
    }

    private static SyncSettings from(Row row) {
        String[] folders = row.getArrayOfStrings("folders");
        String[] types = row.getArrayOfStrings("media_types");
        return new SyncSettings(
                folders == null ? null : Arrays.asList(folders),
                types == null ? null : Arrays.asList(types),
                row.getBoolean("schedule_enabled"),
                row.getString("updated_by"),
                row.getOffsetDateTime("updated_at").toInstant());
    }

    /**
     * @param folders default folders of a sync (null: all)
     * @param mediaTypes default media types (null: all)
     * @param scheduleEnabled whether the scheduled sync includes this agency
     * @param updatedBy who saved them last
     * @param updatedAt when
     */
    public record SyncSettings(
            List<String> folders,
            List<String> mediaTypes,
            boolean scheduleEnabled,
            String updatedBy,
            java.time.Instant updatedAt) {
        public static final SyncSettings DEFAULTS = new SyncSettings(null, null, true, null, null);
    }
}
