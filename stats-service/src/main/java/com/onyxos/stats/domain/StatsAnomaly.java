package com.onyxos.stats.domain;

import com.onyxos.common.persistence.TenantEntity;
import com.onyxos.common.schema.ColumnTypes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A stored value kept because its replacement was missing, empty, errored or implausible. */
@Entity
@Table(name = "stats_anomalies")
public class StatsAnomaly extends TenantEntity {

    @Column(name = "model_id")
    public UUID modelId;

    @Column(nullable = false, columnDefinition = ColumnTypes.TEXT)
    public String source;

    @Column(nullable = false, columnDefinition = ColumnTypes.TEXT)
    public String field;

    @Column(nullable = false, columnDefinition = ColumnTypes.TEXT)
    public String kind;

    @Column(name = "stored_value", columnDefinition = ColumnTypes.TEXT)
    public String storedValue;

    @Column(name = "received_value", columnDefinition = ColumnTypes.TEXT)
    public String receivedValue;

    @Column(columnDefinition = ColumnTypes.TEXT)
    public String detail;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
