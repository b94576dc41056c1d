package com.onyxos.stats.domain;

import com.onyxos.common.persistence.CreatorEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One day of a creator's subscriber series. */
@Entity
@Table(name = "subscriber_history")
public class SubscriberHistory extends CreatorEntity {

    @Column(nullable = false, updatable = false)
    public LocalDate date;

    @Column(nullable = false)
    public int total;

    @Column(name = "new_subscribers", nullable = false)
    public int newSubscribers;

    @Column(name = "cancelled_subscribers", nullable = false)
    public int cancelledSubscribers;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
