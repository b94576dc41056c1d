package com.onyxos.simulator.api.view;

import com.onyxos.simulator.world.TrackingLink;
import java.time.Instant;

/** A tracking link; {@code earnings} is null when no earnings row is attributed to it. */
public record TrackingLinkView(
        String uuid,
        String name,
        String linkUrl,
        String externalSocialPlatform,
        Instant createdAt,
        long clicks,
        Engagement engagement,
        Earnings earnings) {

    /** Audience the link brought. */
    public record Engagement(
            int acquiredSubscribers, int acquiredFollowers, int totalSubscribers, int totalFollowers) {}

    /** USD cents. */
    public record Earnings(long totalGross, long totalNet) {}

    public static TrackingLinkView of(TrackingLink l, Earnings earnings) {
        return new TrackingLinkView(
                l.uuid(),
                l.name(),
                l.linkUrl(),
                l.externalSocialPlatform(),
                l.createdAt(),
                l.clicks(),
                new Engagement(
                        l.acquiredSubscribers(), l.acquiredFollowers(), l.totalSubscribers(), l.totalFollowers()),
                earnings);
    }
}
