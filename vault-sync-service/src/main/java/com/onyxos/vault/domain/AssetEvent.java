package com.onyxos.vault.domain;

import com.onyxos.common.persistence.TenantEntity;
import com.onyxos.common.schema.ColumnTypes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A send or unlock of an asset, idempotent per (asset, message, type). */
@Entity
@Table(name = "asset_events")
public class AssetEvent extends TenantEntity {

    @Column(name = "asset_id", nullable = false, updatable = false)
    public UUID assetId;

    /** sent or unlocked. */
    @Column(name = "event_type", nullable = false, updatable = false, columnDefinition = ColumnTypes.TEXT)
    public String eventType;

    /** dashboard or fanvue. */
    @Column(nullable = false, updatable = false, columnDefinition = ColumnTypes.TEXT)
    public String source;

    @Column(name = "message_uuid", nullable = false, updatable = false, columnDefinition = ColumnTypes.TEXT)
    public String messageUuid;

    @Column(nullable = false)
    public long revenue;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
