package com.onyxos.stats.domain;

import com.onyxos.common.schema.ColumnTypes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A signed Fanvue webhook delivery, stored before processing. */
@Entity
@Table(name = "webhook_events")
public class WebhookEvent {

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "agency_id")
    public UUID agencyId;

    @Column(name = "model_id")
    public UUID modelId;

    @Column(name = "delivery_key", nullable = false, updatable = false, columnDefinition = ColumnTypes.TEXT)
    public String deliveryKey;

    @Column(name = "event_type", nullable = false, updatable = false, columnDefinition = ColumnTypes.TEXT)
    public String eventType;

    @Column(name = "recipient_uuid")
    public UUID recipientUuid;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public String payload;

    @Column(nullable = false, columnDefinition = ColumnTypes.TEXT)
    public String status;

    @Column(columnDefinition = ColumnTypes.TEXT)
    public String error;

    @Column(name = "received_at", nullable = false, updatable = false)
    public Instant receivedAt;

    @Column(name = "processed_at")
    public Instant processedAt;
}
