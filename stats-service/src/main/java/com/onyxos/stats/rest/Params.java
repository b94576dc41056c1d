package com.onyxos.stats.rest;

import com.onyxos.common.problem.ProblemException;
import com.onyxos.stats.repository.EarningsQueries.KeysetCursor;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Query parameters of the earnings, audience and analytics APIs, parsed strictly: anything malformed answers a 400
 * problem naming the parameter (never a 500, never silently ignored).
 */
final class Params {

    /** Longest window any query may cover. */
    static final int MAX_DAYS = 3700;

    static final int DEFAULT_DAYS = 30;

    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9_+\\-]+(/[A-Za-z0-9_+\\-]+){0,2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern CURSOR = Pattern.compile("(-?\\d{1,19}):([0-9a-f-]{36})");

    private Params() {}

    /** A time zone name's shape (whether it is a known IANA zone is checked against the database's list). */
    static String zoneName(String value) {
        String name = value == null || value.isBlank() ? "UTC" : value.trim();
        if (name.length() > 64 || !ZONE.matcher(name).matches()) {
            throw invalid("timezone must be an IANA time zone name such as Europe/London or UTC.");
        }
        return name;
    }

    static ProblemException unknownZone(String name) {
        return invalid("timezone " + name + " is not an IANA time zone name (e.g. Europe/London, America/New_York).");
    }

    /**
     * A half-open window [from, to): each bound an ISO-8601 date-time with offset ({@code 2026-10-01T00:00:00Z}) or
     * a date ({@code 2026-10-01}, the start of that day in {@code zone}); {@code to} defaults to the start of
     * tomorrow, {@code from} to {@code defaultDays} days before {@code to}.
     */
    static Instant[] window(String from, String to, ZoneId zone, Instant now, int defaultDays) {
        Instant end = to == null || to.isBlank()
                ? LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant()
                : instant(to, "to", zone);
        Instant start = from == null || from.isBlank()
                ? LocalDate.ofInstant(end.minusNanos(1), zone)
                        .plusDays(1)
                        .minusDays(defaultDays)
                        .atStartOfDay(zone)
                        .toInstant()
                : instant(from, "from", zone);
        if (!end.isAfter(start)) {
            throw invalid("to must be after from (the window is [from, to)).");
        }
        if (Duration.between(start, end).toDays() > MAX_DAYS) {
            throw invalid("the window may cover at most " + MAX_DAYS + " days.");
        }
        return new Instant[] {start, end};
    }

    /** An optional window: null bounds stay open. */
    static Instant[] openWindow(String from, String to, ZoneId zone) {
        Instant start = from == null || from.isBlank() ? null : instant(from, "from", zone);
        Instant end = to == null || to.isBlank() ? null : instant(to, "to", zone);
        if (start != null && end != null && !end.isAfter(start)) {
            throw invalid("to must be after from (the window is [from, to)).");
        }
        return new Instant[] {start, end};
    }

    static String source(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!SOURCE.matcher(value).matches()) {
            throw invalid("source must be 1-64 letters, digits, '_', '.' or '-' (e.g. subscription, tip).");
        }
        return value;
    }

    static int limit(String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (!value.matches("[0-9]{1,6}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > max) {
            throw invalid("limit must be an integer from 1 to " + max + ".");
        }
        return Integer.parseInt(value);
    }

    static String granularity(String value, String fallback) {
        String granularity = value == null || value.isBlank() ? fallback : value;
        if (!granularity.equals("day") && !granularity.equals("week") && !granularity.equals("month")) {
            throw invalid("granularity must be day, week or month.");
        }
        return granularity;
    }

    /** A keyset cursor from a previous page; null for the first page. */
    static KeysetCursor cursor(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            var match = CURSOR.matcher(text);
            if (match.matches()) {
                long micros = Long.parseLong(match.group(1));
                Instant date = Instant.ofEpochSecond(
                        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
                return new KeysetCursor(date, UUID.fromString(match.group(2)));
            }
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            // reported below, like any cursor that is not ours
        }
        throw invalid("cursor is not a cursor this API gave out.");
    }

    static String encode(KeysetCursor cursor) {
        long micros = Math.addExact(
                Math.multiplyExact(cursor.date().getEpochSecond(), 1_000_000L),
                cursor.date().getNano() / 1_000L);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((micros + ":" + cursor.id()).getBytes(StandardCharsets.UTF_8));
    }

    private static Instant instant(String value, String name, ZoneId zone) {
        try {
            if (DATE.matcher(value).matches()) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw invalid(name + " must be a date (2026-10-01) or an ISO-8601 date-time with offset"
                    + " (2026-10-01T00:00:00Z).");
        }
    }

    static ProblemException invalid(String detail) {
        return new ProblemException(400, "invalid_input", "Bad Request", detail);
    }
}
