package com.onyxos.common.fanvue.internal;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** A monotonic clock and one-shot timers; Vert.x's in production, a manual one in unit tests. */
public interface Timers {

    /** Monotonic now, in nanoseconds. */
    long nanoTime();

    /** Runs {@code action} once, after {@code delayNanos}. */
    void schedule(long delayNanos, Runnable action);

    /** Timers on a Vert.x instance (never blocks an event loop). */
    static Timers vertx(io.vertx.mutiny.core.Vertx vertx) {
        return vertx(vertx, System::nanoTime);
    }

    /** Vert.x timers with another clock. */
    static Timers vertx(io.vertx.mutiny.core.Vertx vertx, LongSupplier clock) {
        return new Timers() {
            @Override
            public long nanoTime() {
                return clock.getAsLong();
            }

            @Override
            public void schedule(long delayNanos, Runnable action) {
                long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(delayNanos + 999_999));
                vertx.setTimer(millis, id -> action.run());
            }
        };
    }
}
