package com.onyxos.stats.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The rows an analytics query covers: an agency (and maybe one creator), a half-open window [from, to), and the IANA
 * time zone local days and hours are counted in. It splits the window into the part a rollup answers (whole UTC days
 * for {@code earnings_daily}, whole quarter hours for {@code earnings_quarter_hours}) and the edges read from the rows.
 *
 * @param agencyId the agency
 * @param creatorId one creator, or null for the whole agency
 * @param from start, inclusive
 * @param to end, exclusive
 * @param zone the time zone (validated as an IANA name PostgreSQL knows)
 */
public record AnalyticsWindow(UUID agencyId, UUID creatorId, Instant from, Instant to, ZoneId zone) {

    private static final Duration QUARTER = Duration.ofMinutes(15);

    public AnalyticsWindow {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the window must end after it starts");
        }
    }

    /** First UTC midnight at or after {@code from}. */
    Instant dayStart() {
        Instant midnight = from.truncatedTo(ChronoUnit.DAYS);
        return midnight.equals(from) ? from : midnight.plus(Duration.ofDays(1));
    }

    /** Last UTC midnight at or before {@code to}. */
    Instant dayEnd() {
        return to.truncatedTo(ChronoUnit.DAYS);
    }

    /** Whether whole UTC days lie inside the window (else every row is read). */
    boolean hasWholeDays() {
        return dayStart().isBefore(dayEnd());
    }

    Instant quarterStart() {
        long s = from.getEpochSecond();
        long floor = s - Math.floorMod(s, QUARTER.toSeconds());
        Instant start = Instant.ofEpochSecond(floor);
        return start.equals(from) ? from : start.plus(QUARTER);
    }

    Instant quarterEnd() {
        long s = to.getEpochSecond();
        return Instant.ofEpochSecond(s - Math.floorMod(s, QUARTER.toSeconds()));
    }

    boolean hasWholeQuarters() {
        return quarterStart().isBefore(quarterEnd());
    }

    /** The window's first local date. */
    public LocalDate firstDate() {
        return LocalDate.ofInstant(from, zone);
    }

    /** The local date after the window's last instant (exclusive end). */
    public LocalDate endDate() {
        LocalDate last = LocalDate.ofInstant(to.minusNanos(1), zone);
        return last.plusDays(1);
    }

    static LocalDate utcDate(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
