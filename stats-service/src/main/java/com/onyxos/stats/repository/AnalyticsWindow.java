package com.onyxos.stats.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The rows an analytics query covers: an agency (and maybe one creator), a half-open window [from, to), and the IANA
 * time zone local days and hours are counted in. For the row-level reads it splits the window into the whole quarter
 * hours {@code earnings_quarter_hours} answers and the edges read from the rows.
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
}
