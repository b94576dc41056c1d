package com.onyxos.common.fanvue.internal;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * What one Fanvue answer says about its rate bucket: {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and
 * how long until {@code X-RateLimit-Reset}.
 *
 * @param limit the bucket's size
 * @param remaining requests left in it when the answer was made
 * @param resetIn how long from the answer until the bucket is full again
 */
record RateHeaders(OptionalLong limit, OptionalLong remaining, Optional<Duration> resetIn) {

    /** Unix seconds below this are taken as a number of seconds from now (some servers send a delta). */
    private static final long EARLIEST_EPOCH_SECONDS = 1_000_000_000L;

    static final RateHeaders NONE = new RateHeaders(OptionalLong.empty(), OptionalLong.empty(), Optional.empty());

    /**
     * Reads the headers. The reset instant is measured against the answer's own {@code Date} when it has one, so a
     * skew between Fanvue's clock and ours cannot make us early ({@code Date} drops the milliseconds, which only
     * makes the wait longer); otherwise against {@code wallMillis}, our clock.
     */
    static RateHeaders parse(Function<String, String> header, long wallMillis) {
        OptionalLong reset = number(header.apply("X-RateLimit-Reset"));
        Optional<Duration> resetIn = Optional.empty();
        if (reset.isPresent()) {
            long value = reset.getAsLong();
            resetIn = Optional.of(
                    value < EARLIEST_EPOCH_SECONDS
                            ? Duration.ofSeconds(value)
                            : Duration.ofMillis(
                                    Math.max(0, value * 1000 - serverMillis(header.apply("Date"), wallMillis))));
        }
        return new RateHeaders(
                number(header.apply("X-RateLimit-Limit")), number(header.apply("X-RateLimit-Remaining")), resetIn);
    }

    private static long serverMillis(String date, long wallMillis) {
        if (date == null || date.isBlank()) {
            return wallMillis;
        }
        try {
            return ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant()
                    .toEpochMilli();
        } catch (DateTimeParseException e) {
            return wallMillis;
        }
    }

    private static OptionalLong number(String value) {
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            long parsed = Long.parseLong(value.trim());
            return parsed < 0 ? OptionalLong.empty() : OptionalLong.of(parsed);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
