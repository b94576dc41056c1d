package com.onyxos.simulator.ratelimit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Rate buckets on the real clock, {@code capacity} requests per {@code window}, refilled continuously (a token
 * bucket) or all at once at the end of each window, per {@link RateRefill}. {@code X-RateLimit-Reset} is when the
 * bucket is full again: for a window, its end. After a 429 the bucket is blocked until the announced Retry-After
 * instant (a window: until its end, which Reset announces and Retry-After rounds up). Used under the state lock.
 */
public final class RateLimiter {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int capacity;
    private final long windowNanos;
    private final RateRefill refill;
    private final double tokensPerNano;
    private final Map<String, Bucket> buckets = new HashMap<>();

    public RateLimiter(int capacity, Duration window) {
        this(capacity, window, RateRefill.CONTINUOUS);
    }

    public RateLimiter(int capacity, Duration window, RateRefill refill) {
        this.capacity = capacity;
        this.windowNanos = window.toNanos();
        this.refill = refill;
        this.tokensPerNano = capacity / (double) window.toNanos();
    }

    /** Takes one token for a request on {@code key}. */
    public RateDecision take(String key) {
        long now = System.nanoTime();
        Bucket bucket = refilled(key, now);
        if (now < bucket.blockedUntil) {
            return denied(bucket, now, ceilSeconds(bucket.blockedUntil - now), true);
        }
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return decision(bucket, now, true, 0, false);
        }
        long toNextToken = nanosToNextToken(bucket, now);
        long retryAfter = Math.max(1, ceilSeconds(toNextToken));
        // A window's tokens are back at its end, the instant X-RateLimit-Reset announces: blocking until the rounded-up
        // Retry-After would refuse a client that waits for Reset, so the block ends with the window.
        bucket.blockedUntil = refill == RateRefill.WINDOW ? now + toNextToken : now + retryAfter * NANOS_PER_SECOND;
        return denied(bucket, now, retryAfter, false);
    }

    /** An injected 429: the bucket answers 429 and stays blocked for {@code retryAfterSeconds}. */
    public RateDecision storm(String key, long retryAfterSeconds) {
        long now = System.nanoTime();
        Bucket bucket = refilled(key, now);
        if (now < bucket.blockedUntil) {
            return denied(bucket, now, ceilSeconds(bucket.blockedUntil - now), true);
        }
        bucket.blockedUntil = now + retryAfterSeconds * NANOS_PER_SECOND;
        return denied(bucket, now, retryAfterSeconds, false);
    }

    public void clear() {
        buckets.clear();
    }

    private Bucket refilled(String key, long now) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        if (refill == RateRefill.WINDOW) {
            if (now >= bucket.windowStart + windowNanos) {
                bucket.tokens = capacity;
                bucket.windowStart = now; // the next window begins with this request
            }
        } else {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.lastRefill) * tokensPerNano);
        }
        bucket.lastRefill = now;
        return bucket;
    }

    private long nanosToNextToken(Bucket bucket, long now) {
        return refill == RateRefill.WINDOW
                ? bucket.windowStart + windowNanos - now
                : (long) Math.ceil((1 - bucket.tokens) / tokensPerNano);
    }

    private long nanosToFull(Bucket bucket, long now) {
        if (refill == RateRefill.WINDOW) {
            return bucket.tokens >= capacity ? 0 : bucket.windowStart + windowNanos - now;
        }
        return (long) Math.ceil((capacity - bucket.tokens) / tokensPerNano);
    }

    private RateDecision denied(Bucket bucket, long now, long retryAfter, boolean early) {
        return decision(bucket, now, false, retryAfter, early);
    }

    private RateDecision decision(Bucket bucket, long now, boolean allowed, long retryAfter, boolean early) {
        // The wall clock reads in whole milliseconds: one more, so that the announced reset is never early.
        long wallNanos = (System.currentTimeMillis() + 1) * 1_000_000L;
        long reset = ceilSeconds(wallNanos + nanosToFull(bucket, now));
        return new RateDecision(allowed, capacity, (long) Math.floor(bucket.tokens), reset, retryAfter, early);
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }

    private static final class Bucket {
        double tokens;
        long lastRefill;
        long blockedUntil;
        long windowStart;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastRefill = now;
            this.blockedUntil = now;
            this.windowStart = now;
        }
    }
}
