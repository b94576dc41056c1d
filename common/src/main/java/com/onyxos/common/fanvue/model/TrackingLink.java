package com.onyxos.common.fanvue.model;

import java.time.Instant;

/** A tracking link with its clicks, engagement and earnings (null when none); USD cents. */
public record TrackingLink(
        String uuid,
        String name,
        String linkUrl,
        String externalSocialPlatform,
        Instant createdAt,
        Long clicks,
        Engagement engagement,
        Earnings earnings) {

    /** Fans the link brought. */
    public record Engagement(
            Long acquiredSubscribers, Long acquiredFollowers, Long totalSubscribers, Long totalFollowers) {}

    /** Money the link brought. */
    public record Earnings(long totalGross, long totalNet) {}
}
