package com.onyxos.vault.domain;

import com.onyxos.common.persistence.CreatorEntity;
import com.onyxos.common.schema.ColumnTypes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A media item mirrored from a creator's Fanvue vault, with the user's own edits. Updates write only the changed
 * columns, so an edit through the entity never overwrites what sync wrote meanwhile.
 */
@Entity
@DynamicUpdate
@Table(name = "content_assets")
public class ContentAsset extends CreatorEntity {

    @Column(name = "fanvue_media_uuid", nullable = false, updatable = false)
    public UUID fanvueMediaUuid;

    /** The folder the asset was first seen in. */
    @Column(name = "fanvue_folder", columnDefinition = ColumnTypes.TEXT)
    public String fanvueFolder;

    /** Every vault folder the asset is in. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "fanvue_folders", nullable = false, columnDefinition = ColumnTypes.TEXT_ARRAY)
    public String[] fanvueFolders;

    @Column(name = "file_name", nullable = false, columnDefinition = ColumnTypes.TEXT)
    public String fileName;

    @Column(name = "media_type", nullable = false, columnDefinition = ColumnTypes.TEXT)
    public String mediaType;

    /** Set to ppv on insert; afterwards only the user changes it. */
    @Column(name = "content_type", nullable = false, columnDefinition = ColumnTypes.TEXT)
    public String contentType;

    /** Tags written by sync: folder names and fanvue-vault. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = ColumnTypes.TEXT_ARRAY)
    public String[] tags;

    /** The user's own tags; sync never touches them. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "user_tags", nullable = false, columnDefinition = ColumnTypes.TEXT_ARRAY)
    public String[] userTags;

    /** active or removed. */
    @Column(nullable = false, columnDefinition = ColumnTypes.TEXT)
    public String status;

    @Column(name = "removed_at")
    public Instant removedAt;

    /** Fanvue's createdAt of the media. */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "inserted_at", nullable = false, updatable = false)
    public Instant insertedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "last_synced_at")
    public Instant lastSyncedAt;

    @Column(name = "last_sync_run_id")
    public UUID lastSyncRunId;
}
