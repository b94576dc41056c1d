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
 * @param resetSecond the reset as Fanvue's own unix second (a delta form is added to the answer's {@code Date}):
 *     it orders answers by when Fanvue counted them, which need not be the order they were sent or arrived in
 */
record RateHeaders(OptionalLong limit, OptionalLong remaining, Optional<Duration> resetIn, OptionalLong resetSecond) {

    /** Unix seconds below this are taken as a number of seconds from now (some servers send a delta). */
    private static final long EARLIEST_EPOCH_SECONDS = 1_000_000_000L;

    static final RateHeaders NONE =
            new RateHeaders(OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), OptionalLong.empty());

    /**
     * Reads the headers. The reset instant is measured against the answer's own {@code Date} when it has one, so a
     * skew between Fanvue's clock and ours cannot make us early ({@code Date} drops the milliseconds, which only
     * makes the wait longer); otherwise against {@code wallMillis}, our clock.
     */
    static RateHeaders parse(Function<String, String> header, long wallMillis) {
        OptionalLong reset = number(header.apply("X-RateLimit-Reset"));
        Optional<Duration> resetIn = Optional.empty();
        OptionalLong resetSecond = OptionalLong.empty();
        if (reset.isPresent()) {
            long value = reset.getAsLong();
            long server = serverMillis(header.apply("Date"), wallMillis);
            boolean delta = value < EARLIEST_EPOCH_SECONDS;
            resetIn = Optional.of(
                    delta ? Duration.ofSeconds(value) : Duration.ofMillis(Math.max(0, value * 1000 - server)));
            resetSecond = OptionalLong.of(delta ? Math.floorDiv(server, 1000) + value : value);
        }
        return new RateHeaders(
                number(header.apply("X-RateLimit-Limit")),
                number(header.apply("X-RateLimit-Remaining")),
                resetIn,
                resetSecond);
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
