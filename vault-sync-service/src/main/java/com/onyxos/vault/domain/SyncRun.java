package com.onyxos.vault.domain;

import com.onyxos.common.persistence.CreatorEntity;
import com.onyxos.common.schema.ColumnTypes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One vault sync of one creator: status, progress counts, errors and timings. */
@Entity
@Table(name = "sync_runs")
public class SyncRun extends CreatorEntity {

    /** manual, schedule or job. */
    @Column(nullable = false, updatable = false, columnDefinition = ColumnTypes.TEXT)
    public String trigger;

    /** running, succeeded, partial or failed. */
    @Column(nullable = false, columnDefinition = ColumnTypes.TEXT)
    public String status;

    @Column(name = "requested_by", columnDefinition = ColumnTypes.TEXT)
    public String requestedBy;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = ColumnTypes.TEXT_ARRAY)
    public String[] folders;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "media_types", columnDefinition = ColumnTypes.TEXT_ARRAY)
    public String[] mediaTypes;

    /** The process running it. */
    @Column(columnDefinition = ColumnTypes.TEXT)
    public String owner;

    @Column(name = "heartbeat_at", nullable = false)
    public Instant heartbeatAt;

    @Column(name = "folders_total", nullable = false)
    public int foldersTotal;

    @Column(name = "folders_done", nullable = false)
    public int foldersDone;

    @Column(name = "assets_seen", nullable = false)
    public int assetsSeen;

    @Column(name = "inserted_count", nullable = false)
    public int insertedCount;

    @Column(name = "updated_count", nullable = false)
    public int updatedCount;

    @Column(name = "unchanged_count", nullable = false)
    public int unchangedCount;

    @Column(name = "removed_count", nullable = false)
    public int removedCount;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = ColumnTypes.TEXT_ARRAY)
    public String[] errors;

    @Column(columnDefinition = ColumnTypes.TEXT)
    public String message;

    @Column(name = "started_at", nullable = false, updatable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
