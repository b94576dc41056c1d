package com.onyxos.vault.domain;

import com.onyxos.common.schema.ColumnTypes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An agency's default selective sync and schedule switch. */
@Entity
@Table(name = "vault_sync_settings")
public class VaultSyncSettings {

    @Id
    @Column(name = "agency_id")
    public UUID agencyId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = ColumnTypes.TEXT_ARRAY)
    public String[] folders;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "media_types", columnDefinition = ColumnTypes.TEXT_ARRAY)
    public String[] mediaTypes;

    @Column(name = "schedule_enabled", nullable = false)
    public boolean scheduleEnabled;

    @Column(name = "updated_by", nullable = false, columnDefinition = ColumnTypes.TEXT)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
