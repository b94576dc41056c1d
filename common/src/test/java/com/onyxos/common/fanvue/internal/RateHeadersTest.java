package com.onyxos.common.fanvue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Fanvue's rate headers as the bucket reads them: the reset measured on Fanvue's clock when it says its time. */
class RateHeadersTest {

    private static final long NOW = Instant.parse("2026-12-01T12:00:00.400Z").toEpochMilli();

    private static RateHeaders parse(Map<String, String> headers) {
        return RateHeaders.parse(headers::get, NOW);
    }

    @Test
    void resetInUnixSecondsIsMeasuredFromOurClockWithoutADate() {
        long reset = NOW / 1000 + 59;

        RateHeaders read = parse(Map.of(
                "X-RateLimit-Limit", "20", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", Long.toString(reset)));

        assertThat(read.limit()).hasValue(20);
        assertThat(read.remaining()).hasValue(0);
        assertThat(read.resetIn()).contains(Duration.ofMillis(58_600));
        assertThat(read.resetSecond()).hasValue(reset);
    }

    @Test
    void resetIsMeasuredOnFanvuesClockWhenTheAnswerIsDated() {
        // Fanvue's clock is 30 s behind ours: by our clock the reset looks past, by its own it is 10 s away.
        Instant fanvueNow = Instant.ofEpochMilli(NOW).minusSeconds(30);
        long reset = fanvueNow.getEpochSecond() + 10;
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(fanvueNow.atZone(ZoneOffset.UTC));

        RateHeaders read = parse(Map.of("X-RateLimit-Reset", Long.toString(reset), "Date", date));

        assertThat(read.resetIn()).contains(Duration.ofSeconds(10));
        assertThat(read.resetSecond()).hasValue(reset);
    }

    @Test
    void aSmallResetIsTakenAsSecondsFromNow() {
        RateHeaders read = parse(Map.of("X-RateLimit-Reset", "42"));

        assertThat(read.resetIn()).contains(Duration.ofSeconds(42));
        assertThat(read.resetSecond()).hasValue(NOW / 1000 + 42);
    }

    @Test
    void missingOrUnreadableHeadersAreEmpty() {
        RateHeaders read = parse(Map.of(
                "X-RateLimit-Limit", "lots", "X-RateLimit-Remaining", "-1", "X-RateLimit-Reset", "soon", "Date", "x"));

        assertThat(read.limit()).isEqualTo(OptionalLong.empty());
        assertThat(read.remaining()).isEqualTo(OptionalLong.empty());
        assertThat(read.resetIn()).isEqualTo(Optional.empty());
        assertThat(read.resetSecond()).isEqualTo(OptionalLong.empty());
        assertThat(parse(Map.of())).isEqualTo(RateHeaders.NONE);
    }
}
