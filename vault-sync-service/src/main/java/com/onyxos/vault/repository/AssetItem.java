package com.onyxos.vault.repository;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * An asset of the library as the API shows it, with its ROI numbers.
 *
 * @param id the asset
 * @param modelId its creator
 * @param fanvueMediaUuid the Fanvue media it mirrors
 * @param fileName media name (or folder-uuid)
 * @param mediaType image, video, audio...
 * @param contentType the user's label (ppv, free, teaser, custom...)
 * @param folder the vault folder the asset was first seen in
 * @param folders every vault folder the asset is in
 * @param tags tags written by sync (folder names and fanvue-vault)
 * @param userTags the user's own tags
 * @param status active or removed
 * @param createdAt Fanvue's creation time of the media
 * @param removedAt when sync found it gone from the vault
 * @param lastSyncedAt when sync last saw it
 * @param performance its ROI numbers
 */
public record AssetItem(
        UUID id,
        UUID modelId,
        UUID fanvueMediaUuid,
        String fileName,
        String mediaType,
        String contentType,
        String folder,
        List<String> folders,
        List<String> tags,
        List<String> userTags,
        String status,
        Instant createdAt,
        Instant removedAt,
        Instant lastSyncedAt,
        Performance performance) {

    /** The item in a row of {@link AssetQueryRepository#SELECT}. */
    static AssetItem of(Row row) {
        return new AssetItem(
                row.getUUID("id"),
                row.getUUID("model_id"),
                row.getUUID("fanvue_media_uuid"),
                row.getString("file_name"),
                row.getString("media_type"),
                row.getString("content_type"),
                row.getString("fanvue_folder"),
                list(row.getArrayOfStrings("fanvue_folders")),
                list(row.getArrayOfStrings("tags")),
                list(row.getArrayOfStrings("user_tags")),
                row.getString("status"),
                instant(row.getOffsetDateTime("created_at")),
                instant(row.getOffsetDateTime("removed_at")),
                instant(row.getOffsetDateTime("last_synced_at")),
                new Performance(
                        row.getLong("times_sent"),
                        row.getLong("times_unlocked"),
                        row.getLong("total_revenue"),
                        row.getBigDecimal("conversion_rate")));
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
