package com.onyxos.auth.service;

import com.onyxos.auth.config.BrokerConfig;
import java.time.Duration;
import java.time.Instant;

/**
 * When an access token is refreshed: when less than its margin is left, the margin being min(5 minutes, 20 % of the
 * lifetime Fanvue gave it), at least a floor of a few seconds, at most half its lifetime (so a freshly issued token is
 * always servable). The sweep refreshes what will be due before its next run, never more than one margin early.
 * Requests, the cache and the sweep all use this one rule.
 */
public record RefreshRule(Duration maxAhead, double fraction, Duration floor) {

    public static RefreshRule of(BrokerConfig config) {
        return new RefreshRule(config.refreshAhead(), config.refreshAheadFraction(), config.refreshAheadFloor());
    }

    /** The margin of a token issued at {@code issuedAt} (null: unknown, taken as long-lived) expiring at {@code expiresAt}. */
    public Duration margin(Instant issuedAt, Instant expiresAt) {
        if (issuedAt == null || !expiresAt.isAfter(issuedAt)) {
            return maxAhead;
        }
        Duration lifetime = Duration.between(issuedAt, expiresAt);
        Duration share = Duration.ofMillis((long) (lifetime.toMillis() * fraction));
        Duration margin = min(maxAhead, share.compareTo(floor) < 0 ? floor : share);
        return min(margin, lifetime.dividedBy(2));
    }

    /** When the token stops being served and is refreshed instead. */
    public Instant refreshAt(Instant issuedAt, Instant expiresAt) {
        return expiresAt.minus(margin(issuedAt, expiresAt));
    }

    /** Whether the lifetime is too short for the floor (the margin was cut to half the lifetime). */
    public boolean belowFloor(Instant issuedAt, Instant expiresAt) {
        return issuedAt != null && Duration.between(issuedAt, expiresAt).compareTo(floor.multipliedBy(2)) < 0;
    }

    /** Whether a request must refresh the token now. */
    public boolean due(Instant issuedAt, Instant expiresAt, Instant now) {
        return expiresAt == null || !now.isBefore(refreshAt(issuedAt, expiresAt));
    }

    /** Whether the sweep refreshes it: due before the sweep runs again, at most one margin early. */
    public boolean sweepDue(Instant issuedAt, Instant expiresAt, Instant now, Duration sweepEvery) {
        if (expiresAt == null) {
            return false;
        }
        return due(issuedAt, expiresAt, now.plus(min(sweepEvery, margin(issuedAt, expiresAt))));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
