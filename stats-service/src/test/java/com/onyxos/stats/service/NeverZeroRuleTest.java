package com.onyxos.stats.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.stats.domain.StatField;
import com.onyxos.stats.repository.Figure;
import com.onyxos.stats.repository.LockedFigures.PendingValue;
import com.onyxos.stats.service.NeverZeroRule.Decision;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The never-zero rule on hand-computed cases: what is written, kept, held and confirmed. */
class NeverZeroRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-15T12:00:00Z");
    private static final String SOURCE = "GET /creators/{creatorUserUuid}/account";

    private final NeverZeroRule rule = new NeverZeroRule(new Plausibility(0.05, 0.5, 10), Duration.ofSeconds(60));

    private static Figure stored(long value) {
        return new Figure(value, NOW.minusSeconds(600));
    }

    private static Reading value(long value) {
        return new Reading.Value(value, SOURCE);
    }

    private Decision decide(StatField field, Figure stored, PendingValue pending, Reading reading) {
        return rule.decide(field, stored, pending, reading, NOW);
    }

    @Test
    void anAbsentFigureKeepsTheStoredOneWithItsReason() {
        Decision decision = decide(
                StatField.SUBSCRIBERS,
                stored(120),
                null,
                new Reading.Absent(KeptReason.EMPTY, "{}", "answered 200 with a body without uuid", SOURCE));

        assertThat(decision)
                .isEqualTo(new Decision.Keep(KeptReason.EMPTY, "{}", "answered 200 with a body without uuid"));
    }

    @Test
    void aFirstValueIsWrittenWhateverItIs() {
        assertThat(decide(StatField.SUBSCRIBERS, Figure.NEVER, null, value(0))).isEqualTo(new Decision.Write(0, false));
        assertThat(decide(StatField.REVENUE_TOTAL, Figure.NEVER, null, value(123_456)))
                .isEqualTo(new Decision.Write(123_456, false));
    }

    @Test
    void risesAndSmallDropsAreWritten() {
        assertThat(decide(StatField.FOLLOWERS, stored(100), null, value(150)))
                .isEqualTo(new Decision.Write(150, false));
        assertThat(decide(StatField.FOLLOWERS, stored(100), null, value(50))).isEqualTo(new Decision.Write(50, false));
        assertThat(decide(StatField.REVENUE_TOTAL, stored(10_000), null, value(9_500)))
                .isEqualTo(new Decision.Write(9_500, false));
        assertThat(decide(StatField.FOLLOWERS, stored(4), null, value(2))).isEqualTo(new Decision.Write(2, false));
    }

    @Test
    void dropsBeyondTheBoundsAreHeldNotApplied() {
        assertThat(decide(StatField.REVENUE_TOTAL, stored(10_000), null, value(9_499)))
                .isEqualTo(new Decision.Hold(9_499, 10_000));
        assertThat(decide(StatField.REVENUE_NET_TOTAL, stored(10_000), null, value(0)))
                .isEqualTo(new Decision.Hold(0, 10_000));
        assertThat(decide(StatField.SUBSCRIBERS, stored(100), null, value(49))).isEqualTo(new Decision.Hold(49, 100));
        assertThat(decide(StatField.POSTS, stored(11), null, value(0))).isEqualTo(new Decision.Hold(0, 11));
        assertThat(decide(StatField.LIKES, stored(4), null, value(1))).isEqualTo(new Decision.Hold(1, 4));
    }

    @Test
    void balancesAndUnreadCountsMayFallToZero() {
        assertThat(decide(StatField.AVAILABLE_BALANCE, stored(50_000), null, value(0)))
                .isEqualTo(new Decision.Write(0, false));
        assertThat(decide(StatField.UNREAD_CHATS, stored(40), null, value(0))).isEqualTo(new Decision.Write(0, false));
    }

    @Test
    void aHeldDropIsAppliedWhenALaterRefreshConfirmsIt() {
        PendingValue held = new PendingValue(0, NOW.minusSeconds(61));

        assertThat(decide(StatField.SUBSCRIBERS, stored(500), held, value(0))).isEqualTo(new Decision.Write(0, true));
        assertThat(decide(StatField.SUBSCRIBERS, stored(500), new PendingValue(100, NOW.minusSeconds(120)), value(95)))
                .isEqualTo(new Decision.Write(95, true));
    }

    @Test
    void aConfirmationTooSoonAfterTheHoldKeepsWaiting() {
        Decision decision =
                decide(StatField.SUBSCRIBERS, stored(500), new PendingValue(0, NOW.minusSeconds(5)), value(0));

        assertThat(decision).isInstanceOf(Decision.Keep.class);
        assertThat(((Decision.Keep) decision).reason()).isEqualTo(KeptReason.IMPLAUSIBLE);
    }

    @Test
    void aDifferentImplausibleValueReplacesTheHeldOne() {
        assertThat(decide(StatField.SUBSCRIBERS, stored(500), new PendingValue(100, NOW.minusSeconds(300)), value(10)))
                .isEqualTo(new Decision.Hold(10, 500));
    }

    @Test
    void aPlausibleValueSettlesAHeldOne() {
        assertThat(decide(StatField.SUBSCRIBERS, stored(500), new PendingValue(0, NOW.minusSeconds(5)), value(480)))
                .isEqualTo(new Decision.Write(480, true));
    }

    @Test
    void valuesNoColumnCanHoldAreKeptAsErrors() {
        Decision negative = decide(StatField.FOLLOWERS, stored(5), null, value(-1));
        Decision huge = decide(StatField.SUBSCRIBERS, Figure.NEVER, null, value(Integer.MAX_VALUE + 1L));

        assertThat(negative).isEqualTo(new Decision.Keep(KeptReason.ERROR, "-1", "a value out of range"));
        assertThat(huge).isInstanceOf(Decision.Keep.class);
        assertThat(decide(StatField.LIKES, Figure.NEVER, null, value(Integer.MAX_VALUE + 1L)))
                .isEqualTo(new Decision.Write(Integer.MAX_VALUE + 1L, false));
    }
}
