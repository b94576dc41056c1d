package com.onyxos.common.fanvue.internal;

import java.time.Duration;
import java.util.function.LongUnaryOperator;

/**
 * Exponential backoff with full jitter: the n-th retry waits a uniformly random time between zero and
 * {@code min(maxDelay, baseDelay * 2^n)}, so clients that failed together do not retry together.
 */
public final class Backoff {

    private final long baseNanos;
    private final long maxNanos;
    private final LongUnaryOperator uniformBelow;

    /**
     * @param uniformBelow returns a uniformly random value in {@code [0, bound)} for a positive bound
     */
    public Backoff(Duration baseDelay, Duration maxDelay, LongUnaryOperator uniformBelow) {
        this.baseNanos = Math.max(1, baseDelay.toNanos());
        this.maxNanos = Math.max(baseNanos, maxDelay.toNanos());
        this.uniformBelow = uniformBelow;
    }

    /** The cap of retry {@code retry} (0 for the first retry). */
    public Duration cap(int retry) {
        // Shifting past 62 bits overflows; the cap is reached long before.
        long cap = retry >= 62 ? maxNanos : Math.min(maxNanos, baseNanos << Math.min(retry, 62));
        return Duration.ofNanos(cap < 0 ? maxNanos : cap);
    }

    /** A random delay for retry {@code retry}: uniform in {@code [0, cap(retry)]}. */
    public Duration delay(int retry) {
        return Duration.ofNanos(uniformBelow.applyAsLong(cap(retry).toNanos() + 1));
    }
}
