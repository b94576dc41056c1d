package com.onyxos.common.fanvue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.LongSummaryStatistics;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Full-jitter exponential backoff: caps double up to the maximum, delays are uniform between zero and the cap. */
class BackoffTest {

    private final Backoff backoff =
            new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), bound -> ThreadLocalRandom.current()
                    .nextLong(bound));

    @Test
    void capsDoublePerRetryUpToTheMaximum() {
        assertThat(backoff.cap(0)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.cap(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.cap(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.cap(5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.cap(500)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void delaysAreUniformlySpreadBetweenZeroAndTheCap() {
        long cap = Duration.ofMillis(800).toNanos();
        LongSummaryStatistics stats = new LongSummaryStatistics();
        Set<Long> distinct = new HashSet<>();
        int[] deciles = new int[10];
        for (int i = 0; i < 20_000; i++) {
            long delay = backoff.delay(3).toNanos();
            stats.accept(delay);
            distinct.add(delay);
            deciles[(int) Math.min(9, delay * 10 / cap)]++;
        }
        assertThat(stats.getMin()).isGreaterThanOrEqualTo(0).isLessThan(cap / 50);
        assertThat(stats.getMax()).isLessThanOrEqualTo(cap).isGreaterThan(cap - cap / 50);
        assertThat(stats.getAverage()).isBetween(cap * 0.45, cap * 0.55);
        assertThat(distinct).hasSizeGreaterThan(19_000);
        for (int count : deciles) {
            assertThat(count).isBetween(1_700, 2_300);
        }
    }

    @Test
    void theDelayComesFromTheRandomSourceWithinTheCap() {
        Backoff lowest = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), bound -> 0);
        Backoff highest = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), bound -> bound - 1);

        assertThat(lowest.delay(2)).isZero();
        assertThat(highest.delay(2)).isEqualTo(Duration.ofMillis(400));
    }
}
