package com.onyxos.common.fanvue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.subscription.Cancellable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Pacing of one rate bucket, on a manual clock: Fanvue's headers are obeyed whatever the bucket's refill model —
 * never more than the newest answer's remaining less what is on its way, nothing after {@code Remaining: 0} before
 * {@code Reset}, never before Retry-After.
 */
class RateBucketTest {

    private final ManualTimers timers = new ManualTimers();
    private final RateBucket bucket = new RateBucket(timers, Duration.ofSeconds(60));

    /** One request waiting for its permit; {@code ticket} once released. */
    private static final class Waiter {
        final AtomicLong ticket = new AtomicLong(-1);
        Cancellable subscription;

        boolean hasCompleted() {
            return ticket.get() >= 0;
        }

        long ticket() {
            return ticket.get();
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
            waiter.subscription = bucket.acquire().subscribe().with(waiter.ticket::set);
        }
        return waiting;
    }

    private static long released(List<Waiter> waiting) {
        return waiting.stream().filter(Waiter::hasCompleted).count();
    }

    /** An answer made now: the reset {@code resetIn} from now, as Fanvue's whole (rounded up) second. */
    private RateHeaders headers(long limit, long remaining, Duration resetIn) {
        OptionalLong resetSecond = resetIn == null
                ? OptionalLong.empty()
                : OptionalLong.of(-Math.floorDiv(-(timers.nanoTime() + resetIn.toNanos()), 1_000_000_000L));
        return new RateHeaders(
                OptionalLong.of(limit), OptionalLong.of(remaining), Optional.ofNullable(resetIn), resetSecond);
    }

    /** Answers every released, unanswered waiter in order, the bucket counting down from {@code remaining}. */
    private long answerAll(List<Waiter> waiting, long limit, long remaining, Duration resetIn) {
        for (Waiter waiter : waiting) {
            if (waiter.hasCompleted() && waiter.ticket() != Long.MAX_VALUE) {
                bucket.observe(waiter.ticket(), headers(limit, Math.max(0, --remaining), resetIn), null);
                waiter.ticket.set(Long.MAX_VALUE); // answered: completed, never answered again
            }
        }
        return remaining;
    }

    /** Learns a bucket of {@code limit} with {@code remaining} left, the bucket full again in {@code resetIn}. */
    private void learn(long limit, long remaining, Duration resetIn) {
        Waiter probe = acquire(1).get(0);
        bucket.observe(probe.ticket(), headers(limit, remaining, resetIn), null);
    }

    @Test
    void onlyOneRequestGoesBeforeTheFirstAnswerHasTaughtTheLimit() {
        List<Waiter> waiting = acquire(5);
        assertThat(released(waiting)).isEqualTo(1);

        bucket.observe(waiting.get(0).ticket(), headers(200, 199, Duration.ofSeconds(1)), null);

        assertThat(released(waiting)).isEqualTo(5);
    }

    @Test
    void afterRemainingZeroNothingGoesBeforeResetWhateverAContinuousRefillWouldPredict() {
        // The case: a bucket of 20 per 60 s said Remaining 0, Reset in 59 s. A continuous model would
        // have a token back after 3 s.
        learn(20, 0, Duration.ofSeconds(59));
        List<Waiter> waiting = acquire(3);

        timers.advance(Duration.ofSeconds(3));
        assertThat(released(waiting)).isZero();
        // The reset is in whole seconds and may be rounded down: one second more before the bucket counts as full.
        timers.advance(Duration.ofMillis(56_999));
        assertThat(released(waiting)).isZero();

        timers.advance(Duration.ofMillis(1));
        assertThat(released(waiting)).isEqualTo(3);
    }

    @Test
    void aWindowBucketIsNeverOverdrawnByRequestsSentTogether() {
        // 20 per 60 s by window: 10 used already, then 25 requests at once half a minute later.
        learn(20, 10, Duration.ofSeconds(60));
        timers.advance(Duration.ofSeconds(30));
        List<Waiter> waiting = acquire(25);

        assertThat(released(waiting)).isEqualTo(10);
        long left = answerAll(waiting, 20, 10, Duration.ofSeconds(30));
        assertThat(left).isZero();
        assertThat(released(waiting)).isEqualTo(10);

        timers.advance(Duration.ofSeconds(30));
        assertThat(released(waiting)).isEqualTo(10);
        timers.advance(Duration.ofSeconds(1));
        assertThat(released(waiting)).isEqualTo(25);
    }

    @Test
    void requestsOnTheirWayCountAgainstWhatFanvueReported() {
        learn(100, 5, Duration.ofSeconds(60));
        List<Waiter> first = acquire(3);
        assertThat(released(first)).isEqualTo(3);

        // The answer to the first of them says 4 remain: two more are still on their way, so two may go.
        bucket.observe(first.get(0).ticket(), headers(100, 4, Duration.ofSeconds(60)), null);

        assertThat(released(acquire(5))).isEqualTo(2);
    }

    @Test
    void anAnswerCountedLaterByFanvueMayReportARefill() {
        // A continuous bucket: every request Fanvue counts moves the reset later, whatever refilled meanwhile.
        learn(100, 3, Duration.ofSeconds(30));
        List<Waiter> sent = acquire(3);
        bucket.observe(sent.get(0).ticket(), headers(100, 2, Duration.ofSeconds(30)), null);
        bucket.observe(sent.get(1).ticket(), headers(100, 1, Duration.ofSeconds(30)), null);
        bucket.observe(sent.get(2).ticket(), headers(100, 50, Duration.ofSeconds(60)), null); // counted last

        assertThat(released(acquire(60))).isEqualTo(50);
    }

    @Test
    void anAnswerWithAnEarlierResetIsAnOlderStateAndCannotRaiseWhatMayGo() {
        // The answer of the request sent last arrives last, but Fanvue counted it first (its reset is earlier).
        learn(100, 3, Duration.ofSeconds(60));
        List<Waiter> sent = acquire(3);
        bucket.observe(sent.get(0).ticket(), headers(100, 2, Duration.ofSeconds(60)), null);
        bucket.observe(sent.get(1).ticket(), headers(100, 1, Duration.ofSeconds(60)), null);
        bucket.observe(sent.get(2).ticket(), headers(100, 50, Duration.ofSeconds(30)), null);

        assertThat(released(acquire(60))).isEqualTo(1);
    }

    @Test
    void requestsSentTogetherAndAnsweredInAnyOrderNeverOverdrawTheBucket() {
        // The contract test's race on a manual clock: 10 per 2 s refilling continuously (one token per 200 ms),
        // nine requests sent together, counted by Fanvue in another order, answered in a third one. Ordering by
        // send order would leave 2 to go here: one 429 too many.
        learn(10, 9, Duration.ofMillis(200));
        List<Waiter> sent = acquire(9);
        assertThat(released(sent)).isEqualTo(9);
        int[] countedNth = {3, 8, 0, 5, 1, 7, 2, 6, 4}; // the request (by send order) Fanvue counted 0th, 1st, ...
        int[] arrival = {2, 8, 4, 0, 7, 1, 6, 3, 5}; // answers arrive in this order of counting
        for (int counted : arrival) {
            long remaining = 8 - counted; // what Fanvue had left after counting it
            Duration reset = Duration.ofMillis(200L * (10 - remaining)); // full again once refilled
            bucket.observe(sent.get(countedNth[counted]).ticket(), headers(10, remaining, reset), null);
        }

        assertThat(released(acquire(5))).isZero();
    }

    @Test
    void aLateAnswerToAnEarlierRequestCannotRaiseWhatMayGo() {
        learn(100, 50, Duration.ofSeconds(60));
        List<Waiter> sent = acquire(2);
        bucket.observe(sent.get(1).ticket(), headers(100, 10, Duration.ofSeconds(60)), null);
        bucket.observe(sent.get(0).ticket(), headers(100, 40, Duration.ofSeconds(60)), null); // stale

        assertThat(released(acquire(20))).isEqualTo(10);
    }

    @Test
    void anEarlierRequestCountedLastByFanvueLowersWhatMayGo() {
        // Two requests sent together; Fanvue counted the second first (remaining 1), then the first (remaining 0).
        learn(10, 2, Duration.ofSeconds(2));
        List<Waiter> sent = acquire(2);
        bucket.observe(sent.get(1).ticket(), headers(10, 1, Duration.ofSeconds(2)), null);
        bucket.observe(sent.get(0).ticket(), headers(10, 0, Duration.ofSeconds(2)), null);

        List<Waiter> next = acquire(1);
        assertThat(released(next)).isZero();
        timers.advance(Duration.ofSeconds(3));
        assertThat(released(next)).isEqualTo(1);
    }

    @Test
    void anotherReplicasUseReportedByFanvueLowersWhatMayGo() {
        learn(100, 50, Duration.ofSeconds(60));
        Waiter one = acquire(1).get(0);
        bucket.observe(one.ticket(), headers(100, 2, Duration.ofSeconds(60)), null);

        assertThat(released(acquire(5))).isEqualTo(2);
    }

    @Test
    void nothingIsReleasedBeforeRetryAfterHasPassed() {
        learn(200, 150, Duration.ofSeconds(2));
        Waiter limited = acquire(1).get(0);
        bucket.observe(limited.ticket(), headers(200, 0, Duration.ofSeconds(2)), Duration.ofSeconds(5));

        List<Waiter> waiting = acquire(3);
        timers.advance(Duration.ofMillis(4_999));
        assertThat(released(waiting)).isZero();

        timers.advance(Duration.ofMillis(1));
        assertThat(released(waiting)).isEqualTo(3);
    }

    @Test
    void withoutAResetHeaderTheBucketIsTakenToRefillContinuously() {
        Waiter probe = acquire(1).get(0);
        bucket.observe(
                probe.ticket(),
                new RateHeaders(OptionalLong.of(60), OptionalLong.of(3), Optional.empty(), OptionalLong.empty()),
                null);

        List<Waiter> waiting = acquire(10);
        assertThat(released(waiting)).isEqualTo(3);
        answerAll(waiting, 60, 3, null);

        timers.advance(Duration.ofMillis(999));
        assertThat(released(waiting)).isEqualTo(3);
        timers.advance(Duration.ofMillis(2));
        assertThat(released(waiting)).isEqualTo(4);
    }

    @Test
    void withoutRateHeadersRequestsAreNotPacedAfterTheFirstAnswer() {
        Waiter probe = acquire(1).get(0);
        bucket.observe(probe.ticket(), RateHeaders.NONE, null);

        assertThat(released(acquire(500))).isEqualTo(500);
    }

    @Test
    void aProbeThatGetsNoAnswerLetsTheNextRequestProbe() {
        List<Waiter> waiting = acquire(3);
        bucket.noAnswer(waiting.get(0).ticket());

        assertThat(released(waiting)).isEqualTo(2);
    }

    @Test
    void aCancelledWaiterDoesNotTakeAPermit() {
        learn(60, 0, Duration.ofSeconds(1));
        Waiter cancelled = acquire(1).get(0);
        cancelled.cancel();
        Waiter next = acquire(1).get(0);

        timers.advance(Duration.ofMillis(2_001));

        assertThat(next.hasCompleted()).isTrue();
        assertThat(cancelled.hasCompleted()).isFalse();
    }

    @Test
    void aRequestThatEndsWithoutAnAnswerGivesItsPermitBack() {
        learn(100, 2, Duration.ofSeconds(60));
        List<Waiter> sent = acquire(2);
        Waiter third = acquire(1).get(0);
        assertThat(third.hasCompleted()).isFalse();

        bucket.noAnswer(sent.get(0).ticket());
        bucket.noAnswer(sent.get(0).ticket()); // twice (failure, then cancellation) gives back one permit

        assertThat(third.hasCompleted()).isTrue();
        assertThat(released(acquire(1))).isZero();
    }
}
