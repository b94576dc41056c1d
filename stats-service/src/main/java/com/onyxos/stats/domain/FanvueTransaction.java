package com.onyxos.stats.domain;

import com.onyxos.common.persistence.CreatorEntity;
import com.onyxos.common.schema.ColumnTypes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An earnings row from Fanvue, idempotent per (creator, dedup key); money in minor units. */
@Entity
@Table(name = "fanvue_transactions")
public class FanvueTransaction extends CreatorEntity {

    @Column(name = "transaction_order_id", nullable = false, columnDefinition = ColumnTypes.TEXT)
    public String transactionOrderId;

    @Column(name = "dedup_key", nullable = false, updatable = false, columnDefinition = ColumnTypes.TEXT)
    public String dedupKey;

    /** Fanvue earnings source; open set. */
    @Column(name = "transaction_type", nullable = false, columnDefinition = ColumnTypes.TEXT)
    public String transactionType;

    @Column(name = "transaction_status", columnDefinition = ColumnTypes.TEXT)
    public String transactionStatus;

    @Column(name = "transaction_date", nullable = false)
    public Instant transactionDate;

    @Column(name = "gross_amount", nullable = false)
    public long grossAmount;

    @Column(name = "net_amount", nullable = false)
    public long netAmount;

    @Column(columnDefinition = ColumnTypes.TEXT)
    public String currency;

    @Column(name = "fan_id")
    public UUID fanId;

    @Column(name = "fan_handle", columnDefinition = ColumnTypes.TEXT)
    public String fanHandle;

    @Column(name = "message_uuid")
    public UUID messageUuid;

    @Column(name = "post_uuid")
    public UUID postUuid;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
