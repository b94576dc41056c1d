package com.onyxos.simulator.world;

import java.time.Instant;

/** A creator's tracking link; its earnings are those of the earnings rows attributed to it. */
public record TrackingLink(
        String uuid,
        String name,
        String linkUrl,
        String externalSocialPlatform,
        Instant createdAt,
        long clicks,
        int acquiredSubscribers,
        int acquiredFollowers,
        int totalSubscribers,
        int totalFollowers) {}
