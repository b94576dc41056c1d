package com.onyxos.stats.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.common.fanvue.DateRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a pass's window is cut into slices read side by side. */
class EarningsSlicesTest {

    private static final Instant NOW = Instant.parse("2026-11-15T00:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    void aBackfillIsCutIntoEqualHalfOpenSlicesThatCoverItExactlyAndLeaveTheEndOpen() {
        Instant start = NOW.minus(Duration.ofDays(90));

        List<DateRange> slices = EarningsSlices.of(start, NOW, 4, WEEK);

        assertThat(slices).hasSize(4);
        assertThat(slices.get(0).start()).isEqualTo(start);
        for (int i = 1; i < slices.size(); i++) {
            // Each slice starts where the one before ends: no gap, no overlap (endDate is exclusive).
            assertThat(slices.get(i).start()).isEqualTo(slices.get(i - 1).end());
            assertThat(Duration.between(
                            slices.get(i - 1).start(), slices.get(i - 1).end()))
                    .isEqualTo(Duration.ofHours(90 * 24 / 4));
        }
        // The last is open at the end, as one chain would be: a row dated ahead of our clock is read too.
        assertThat(slices.get(3).end()).isNull();
        assertThat(slices.get(3).start()).isEqualTo(NOW.minus(Duration.ofHours(90 * 24 / 4)));
    }

    @Test
    void anIncrementalWindowShorterThanTheShortestSliceIsOneChain() {
        Instant start = NOW.minus(Duration.ofHours(48));

        assertThat(EarningsSlices.of(start, NOW, 4, WEEK)).containsExactly(new DateRange(start, null));
    }

    @Test
    void noSliceIsCutShorterThanTheShortest() {
        Instant start = NOW.minus(Duration.ofDays(20));

        List<DateRange> slices = EarningsSlices.of(start, NOW, 8, WEEK);

        assertThat(slices).hasSize(2);
        assertThat(slices.get(1).start()).isEqualTo(NOW.minus(Duration.ofDays(10)));
    }

    @Test
    void aWindowWithNoStartOrStartingAfterNowIsOneChain() {
        assertThat(EarningsSlices.of(null, NOW, 4, WEEK)).containsExactly(DateRange.ALL);
        Instant ahead = NOW.plusSeconds(60);
        assertThat(EarningsSlices.of(ahead, NOW, 4, WEEK)).containsExactly(new DateRange(ahead, null));
    }
}
