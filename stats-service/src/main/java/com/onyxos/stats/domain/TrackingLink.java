package com.onyxos.stats.domain;

import com.onyxos.common.persistence.CreatorEntity;
import com.onyxos.common.schema.ColumnTypes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A creator's Fanvue tracking link with clicks, acquisitions and attributed revenue. */
@Entity
@Table(name = "tracking_links")
public class TrackingLink extends CreatorEntity {

    @Column(name = "fanvue_link_uuid", nullable = false, updatable = false)
    public UUID fanvueLinkUuid;

    @Column(columnDefinition = ColumnTypes.TEXT)
    public String name;

    @Column(name = "link_url", columnDefinition = ColumnTypes.TEXT)
    public String linkUrl;

    @Column(name = "external_social_platform", columnDefinition = ColumnTypes.TEXT)
    public String externalSocialPlatform;

    @Column(name = "link_created_at")
    public Instant linkCreatedAt;

    @Column(nullable = false)
    public long clicks;

    @Column(name = "acquired_subscribers", nullable = false)
    public int acquiredSubscribers;

    @Column(name = "acquired_followers", nullable = false)
    public int acquiredFollowers;

    @Column(name = "total_subscribers", nullable = false)
    public int totalSubscribers;

    @Column(name = "total_followers", nullable = false)
    public int totalFollowers;

    /** Gross revenue in minor units. */
    @Column(name = "total_revenue", nullable = false)
    public long totalRevenue;

    @Column(name = "total_net_revenue", nullable = false)
    public long totalNetRevenue;

    @Column(name = "refreshed_at", nullable = false)
    public Instant refreshedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
