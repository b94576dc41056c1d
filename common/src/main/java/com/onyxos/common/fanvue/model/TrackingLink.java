package com.onyxos.common.fanvue.model;

import java.time.Instant;

/**
 * A tracking link with its clicks, engagement and earnings (null when none); USD cents. Counts are boxed: one the
 * answer lacks stays null (the stored value is kept), never 0.
 */
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

    /** Money the link brought; both amounts or the link is malformed. */
    public record Earnings(Long totalGross, Long totalNet) {}

    /** Whether the link has its uuid and, when it reports earnings, both amounts. */
    public boolean complete() {
        return uuid != null && (earnings == null || earnings.totalGross() != null && earnings.totalNet() != null);
    }
}
