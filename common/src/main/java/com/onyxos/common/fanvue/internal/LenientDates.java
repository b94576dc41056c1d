package com.onyxos.common.fanvue.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Fanvue's dates, read leniently: fields declared {@code date} sometimes carry full timestamps and vice versa, so
 * either form is accepted wherever a date or an instant is expected. A time without zone is UTC.
 */
public final class LenientDates {

    private LenientDates() {}

    /** {@code 2025-06-01}, {@code 2025-06-01T10:00:00Z}, {@code ...+02:00}, {@code ...T10:00:00}, epoch seconds. */
    public static Instant instant(String text) {
        String value = normalise(text);
        if (value.isEmpty()) {
            return null;
        }
        if (value.chars().allMatch(Character::isDigit)) {
            long epoch = Long.parseLong(value);
            // Epoch values above 10^11 can only be milliseconds (10^11 seconds is the year 5138).
            return epoch > 100_000_000_000L ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch);
        }
        if (value.length() == 10) {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutZone) {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        }
    }

    /** A calendar day; a timestamp gives its UTC day. */
    public static LocalDate date(String text) {
        Instant instant = instant(text);
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String value = text.trim();
        // "2025-06-01 10:00:00" is seen in the wild; ISO wants the T.
        if (value.length() > 10 && value.charAt(10) == ' ') {
            value = value.substring(0, 10) + 'T' + value.substring(11);
        }
        return value;
    }
}
