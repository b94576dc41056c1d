package com.onyxos.stats.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Local periods, offset spans and bounds as the analytics compute them in Java (plain unit tests). */
class LocalPeriodsTest {

    private static final Instant FROM = Instant.parse("2026-10-20T10:07:00Z");
    private static final Instant TO = Instant.parse("2026-11-05T00:00:00Z");

    @Test
    void berlinDaysAroundTheDstChangeStartAtLocalMidnight() {
        List<Instant> starts = LocalPeriods.starts(FROM, TO, ZoneId.of("Europe/Berlin"), "day").stream()
                .map(z -> z.toInstant())
                .toList();
        assertThat(starts).first().isEqualTo(Instant.parse("2026-10-19T22:00:00Z"));
        // 25 October has 25 hours in Berlin: the day after starts 25 hours after it.
        assertThat(starts).contains(Instant.parse("2026-10-24T22:00:00Z"), Instant.parse("2026-10-25T23:00:00Z"));
        assertThat(starts).doesNotContain(Instant.parse("2026-10-25T22:00:00Z"));
        assertThat(starts).last().isEqualTo(Instant.parse("2026-11-04T23:00:00Z"));
    }

    @Test
    void weeksStartOnMondayAndMonthsOnTheFirst() {
        assertThat(LocalPeriods.starts(FROM, TO, ZoneId.of("UTC"), "week").stream()
                        .map(z -> z.toLocalDate().toString()))
                .containsExactly("2026-10-19", "2026-10-26", "2026-11-02");
        assertThat(LocalPeriods.starts(FROM, TO, ZoneId.of("UTC"), "month").stream()
                        .map(z -> z.toLocalDate().toString()))
                .containsExactly("2026-10-01", "2026-11-01");
    }

    @Test
    void offsetSpansSplitAtTheDstChangeAndSayWhichBucketsFit() {
        List<LocalPeriods.OffsetSpan> newYork = LocalPeriods.offsets(FROM, TO, ZoneId.of("America/New_York"));
        assertThat(newYork)
                .extracting(LocalPeriods.OffsetSpan::offset)
                .containsExactly(ZoneOffset.ofHours(-4), ZoneOffset.ofHours(-5));
        assertThat(newYork.get(1).from()).isEqualTo(Instant.parse("2026-11-01T06:00:00Z"));
        assertThat(LocalPeriods.aligned(newYork, 3600)).isTrue();

        List<LocalPeriods.OffsetSpan> kathmandu = LocalPeriods.offsets(FROM, TO, ZoneId.of("Asia/Kathmandu"));
        assertThat(kathmandu).hasSize(1);
        assertThat(LocalPeriods.aligned(kathmandu, 3600)).isFalse();
        assertThat(LocalPeriods.aligned(kathmandu, 900)).isTrue();
    }

    @Test
    void aBoundIsCorrectedFromItsNearerBucketBoundary() {
        Duration day = Duration.ofDays(1);
        Bound morning = Bound.nearer(Instant.parse("2026-10-20T10:07:00Z"), day);
        assertThat(morning.rollup()).isEqualTo(Instant.parse("2026-10-20T00:00:00Z"));
        assertThat(morning.sign()).isEqualTo(1);
        assertThat(morning.rawTo()).isEqualTo(Instant.parse("2026-10-20T10:07:00Z"));

        Bound evening = Bound.nearer(Instant.parse("2026-10-20T19:30:00Z"), day);
        assertThat(evening.rollup()).isEqualTo(Instant.parse("2026-10-21T00:00:00Z"));
        assertThat(evening.sign()).isEqualTo(-1);
        assertThat(evening.rawFrom()).isEqualTo(Instant.parse("2026-10-20T19:30:00Z"));

        Bound midnight = Bound.nearer(Instant.parse("2026-10-21T00:00:00Z"), day);
        assertThat(midnight.hasRows()).isFalse();
        assertThat(Bound.floor(Instant.parse("2026-10-21T00:14:59Z"), Duration.ofMinutes(15))
                        .rollup())
                .isEqualTo(Instant.parse("2026-10-21T00:00:00Z"));
    }
}
