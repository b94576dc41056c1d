package com.onyxos.auth.testing;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The test application's clock (it replaces common's default system clock bean): follows real time until a test
 * pins it, then moves only when told to. Tests reset it before each run.
 */
@Singleton
public class MutableClock extends Clock {

    private volatile Instant pinned;

    /** Stops the clock at {@code instant}. */
    public void set(Instant instant) {
        this.pinned = instant;
    }

    /** Moves a pinned clock by {@code amount}. */
    public void advance(Duration amount) {
        if (pinned == null) {
            throw new IllegalStateException("pin the clock before moving it");
        }
        pinned = pinned.plus(amount);
    }

    /** Back to real time. */
    public void reset() {
        pinned = null;
    }

    @Override
    public Instant instant() {
        Instant now = pinned;
        return now != null ? now : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock is UTC only");
    }
}
