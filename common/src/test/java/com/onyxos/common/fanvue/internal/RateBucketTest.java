package com.onyxos.common.fanvue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.subscription.Cancellable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Pacing of one rate bucket, on a manual clock: never more than the bucket allows, never before Retry-After. */
class RateBucketTest {

    private final ManualTimers timers = new ManualTimers();
    private final RateBucket bucket = new RateBucket(timers, Duration.ofSeconds(60));

    /** One request waiting for its permit. */
    private static final class Waiter {
        final AtomicBoolean released = new AtomicBoolean();
        Cancellable subscription;

        boolean hasCompleted() {
            return released.get();
        }

        void cancel() {
            subscription.cancel();
        }
    }

    private List<Waiter> acquire(int count) {
        List<Waiter> waiting = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Waiter waiter = new Waiter();
            waiting.add(waiter);
            waiter.subscription = bucket.acquire().subscribe().with(ignored -> waiter.released.set(true));
        }
        return waiting;
    }

    private static long released(List<Waiter> waiting) {
        return waiting.stream().filter(Waiter::hasCompleted).count();
    }

    @Test
    void onlyOneRequestGoesBeforeTheFirstAnswerHasTaughtTheLimit() {
        List<Waiter> waiting = acquire(5);
        assertThat(released(waiting)).isEqualTo(1);

        bucket.observe(OptionalLong.of(200), OptionalLong.of(199), null);

        assertThat(released(waiting)).isEqualTo(5);
    }

    @Test
    void aBucketOfSixtyPerMinuteReleasesOnePerSecondOnceEmpty() {
        acquire(1);
        bucket.observe(OptionalLong.of(60), OptionalLong.of(3), null);

        List<Waiter> waiting = acquire(10);
        assertThat(released(waiting)).isEqualTo(3);

        timers.advance(Duration.ofMillis(999));
        assertThat(released(waiting)).isEqualTo(3);
        timers.advance(Duration.ofMillis(2));
        assertThat(released(waiting)).isEqualTo(4);
        timers.advance(Duration.ofSeconds(6));
        assertThat(released(waiting)).isEqualTo(10);
    }

    @Test
    void remainingReportedByFanvueLowersTheLocalEstimateButNeverRaisesIt() {
        acquire(1);
        bucket.observe(OptionalLong.of(100), OptionalLong.of(50), null);
        bucket.observe(OptionalLong.of(100), OptionalLong.of(2), null); // another replica used the rest
        bucket.observe(OptionalLong.of(100), OptionalLong.of(90), null); // a stale, late answer

        List<Waiter> waiting = acquire(5);

        assertThat(released(waiting)).isEqualTo(2);
    }

    @Test
    void nothingIsReleasedBeforeRetryAfterHasPassed() {
        acquire(1);
        bucket.observe(OptionalLong.of(200), OptionalLong.of(150), null);
        bucket.observe(OptionalLong.of(200), OptionalLong.of(0), Duration.ofSeconds(5));

        List<Waiter> waiting = acquire(3);
        timers.advance(Duration.ofMillis(4_999));
        assertThat(released(waiting)).isZero();

        timers.advance(Duration.ofMillis(1));
        assertThat(released(waiting)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void withoutRateHeadersRequestsAreNotPacedAfterTheFirstAnswer() {
        acquire(1);
        bucket.observe(OptionalLong.empty(), OptionalLong.empty(), null);

        assertThat(released(acquire(500))).isEqualTo(500);
    }

    @Test
    void aProbeThatGetsNoAnswerLetsTheNextRequestProbe() {
        List<Waiter> waiting = acquire(3);
        bucket.noAnswer();

        assertThat(released(waiting)).isEqualTo(2);
    }

    @Test
    void aCancelledWaiterDoesNotTakeAPermit() {
        acquire(1);
        bucket.observe(OptionalLong.of(60), OptionalLong.of(0), null);
        Waiter cancelled = acquire(1).get(0);
        cancelled.cancel();
        Waiter next = acquire(1).get(0);

        timers.advance(Duration.ofMillis(1_001));

        assertThat(next.hasCompleted()).isTrue();
        assertThat(cancelled.hasCompleted()).isFalse();
    }
}
