package com.onyxos.stats.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One day of a creator's subscriber series. */
@Entity
@Table(name = "subscriber_history")
public class SubscriberHistory {

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "agency_id", nullable = false, updatable = false)
    public UUID agencyId;

    @Column(name = "model_id", nullable = false, updatable = false)
    public UUID modelId;

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
