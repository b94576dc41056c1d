package com.onyxos.auth.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The refresh-ahead rule: margins in proportion to the lifetime Fanvue gave, within 5 minutes and a floor. */
class RefreshRuleTest {

    private static final RefreshRule RULE = new RefreshRule(Duration.ofMinutes(5), 0.2, Duration.ofSeconds(5));
    private static final Instant ISSUED = Instant.parse("2026-11-15T10:00:00Z");

    @ParameterizedTest(name = "a {0} s token keeps a {1} ms margin")
    @CsvSource({
        "3600, 300000", // 20 % would be 12 min: capped at 5 minutes
        "1500, 300000",
        "600, 120000", // 20 %
        "120, 24000",
        "20, 5000", // 20 % is 4 s: the floor
        "6, 3000", // the floor would leave 1 s of service: at most half the lifetime
        "1, 500"
    })
    void theMarginIsAShareOfTheLifetimeWithinItsBounds(long lifetimeSeconds, long marginMillis) {
        assertThat(RULE.margin(ISSUED, ISSUED.plusSeconds(lifetimeSeconds))).isEqualTo(Duration.ofMillis(marginMillis));
    }

    @ParameterizedTest(name = "a {0} s token")
    @CsvSource({"3600", "600", "120", "20", "6", "1"})
    void aFreshlyIssuedTokenIsNeverDueAndBecomesDueAtItsMargin(long lifetimeSeconds) {
        Instant expires = ISSUED.plusSeconds(lifetimeSeconds);
        Instant refreshAt = RULE.refreshAt(ISSUED, expires);

        assertThat(RULE.due(ISSUED, expires, ISSUED)).isFalse();
        assertThat(RULE.due(ISSUED, expires, refreshAt.minusMillis(1))).isFalse();
        assertThat(RULE.due(ISSUED, expires, refreshAt)).isTrue();
        assertThat(Duration.between(ISSUED, refreshAt))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(lifetimeSeconds).dividedBy(2));
    }

    @ParameterizedTest(name = "a {0} s token, sweeps every 60 s")
    @CsvSource({"3600, 3240", "600, 420", "120, 72", "20, 10"})
    void theSweepRefreshesWhatIsDueBeforeItsNextRunButNeverMoreThanOneMarginEarly(
            long lifetimeSeconds, long firstSweptAtSecond) {
        Instant expires = ISSUED.plusSeconds(lifetimeSeconds);
        Duration every = Duration.ofSeconds(60);

        assertThat(RULE.sweepDue(ISSUED, expires, ISSUED.plusSeconds(firstSweptAtSecond - 1), every))
                .isFalse();
        assertThat(RULE.sweepDue(ISSUED, expires, ISSUED.plusSeconds(firstSweptAtSecond), every))
                .isTrue();
    }

    @ParameterizedTest(name = "unknown issue time, {0} s left")
    @CsvSource({"299, true", "301, false"})
    void aTokenOfUnknownLifetimeKeepsTheFullMargin(long secondsLeft, boolean due) {
        assertThat(RULE.due(null, ISSUED.plusSeconds(secondsLeft), ISSUED)).isEqualTo(due);
    }
}
