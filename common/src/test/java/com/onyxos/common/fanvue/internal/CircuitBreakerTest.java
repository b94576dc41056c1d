package com.onyxos.common.fanvue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.common.fanvue.FanvueClientSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A host's breaker opens on a failure ratio, rejects while open, then closes or reopens on one trial. */
class CircuitBreakerTest {

    private final ManualTimers timers = new ManualTimers();
    private final CircuitBreaker breaker =
            new CircuitBreaker(timers, new FanvueClientSettings.Breaker(4, 0.5, Duration.ofSeconds(10)));

    private void outcomes(boolean... failures) {
        for (boolean failure : failures) {
            assertThat(breaker.tryAcquire()).isTrue();
            if (failure) {
                breaker.onFailure();
            } else {
                breaker.onSuccess();
            }
        }
    }

    @Test
    void opensWhenHalfOfAFullWindowFailed() {
        outcomes(true, false, true);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);

        outcomes(false);

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void oldOutcomesLeaveTheWindow() {
        outcomes(true, false, false, false, false, true, false, false);

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void afterTheOpenPeriodOneTrialDecides() {
        outcomes(true, true, true, true);
        timers.advance(Duration.ofSeconds(10));

        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isFalse();
        breaker.onSuccess();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void aFailedTrialReopensForAnotherPeriod() {
        outcomes(true, true, true, true);
        timers.advance(Duration.ofSeconds(10));
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onFailure();

        assertThat(breaker.tryAcquire()).isFalse();
        timers.advance(Duration.ofSeconds(10));
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void aTrialThatEndsWithoutVerdictLetsAnotherTry() {
        outcomes(true, true, true, true);
        timers.advance(Duration.ofSeconds(10));
        assertThat(breaker.tryAcquire()).isTrue();

        breaker.onNeutral();

        assertThat(breaker.tryAcquire()).isTrue();
    }
}
