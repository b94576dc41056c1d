package com.onyxos.stats.domain;

import com.onyxos.common.persistence.CreatorEntity;
import com.onyxos.common.schema.ColumnTypes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A fan's spend with a creator over a period. */
@Entity
@Table(name = "top_spenders")
public class TopSpender extends CreatorEntity {

    @Column(nullable = false, columnDefinition = ColumnTypes.TEXT)
    public String period;

    @Column(name = "fan_uuid", nullable = false)
    public UUID fanUuid;

    @Column(name = "fan_handle", columnDefinition = ColumnTypes.TEXT)
    public String fanHandle;

    @Column(name = "fan_display_name", columnDefinition = ColumnTypes.TEXT)
    public String fanDisplayName;

    @Column(name = "gross_amount", nullable = false)
    public long grossAmount;

    @Column(name = "net_amount", nullable = false)
    public long netAmount;

    @Column(name = "messages_count", nullable = false)
    public int messagesCount;

    @Column(name = "refreshed_at", nullable = false)
    public Instant refreshedAt;
}
