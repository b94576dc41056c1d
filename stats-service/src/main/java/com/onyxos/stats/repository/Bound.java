package com.onyxos.stats.repository;

import java.time.Duration;
import java.time.Instant;

/**
 * An instant as a rollup can answer it: the running total of everything before {@code t} is the rollup's running
 * total before the bucket boundary {@code rollup}, plus ({@code sign} 1) the rows in [rollup, t) or minus ({@code
 * sign} -1) the rows in [t, rollup). Sums over [a, b) are then C(b) - C(a): exact integers, whatever the window.
 *
 * @param rollup a bucket boundary (a multiple of the rollup's bucket since the epoch)
 * @param rawFrom start of the rows to correct by, inclusive
 * @param rawTo their end, exclusive (equal to {@code rawFrom}: none)
 * @param sign 1: the rows are added; -1: taken away
 */
record Bound(Instant rollup, Instant rawFrom, Instant rawTo, int sign) {

    /** The boundary at or before {@code t}, plus the rows in between. */
    static Bound floor(Instant t, Duration unit) {
        Instant floor = floorOf(t, unit);
        return new Bound(floor, floor, t, 1);
    }

    /** The nearer of the boundaries around {@code t}, so at most half a bucket of rows is read. */
    static Bound nearer(Instant t, Duration unit) {
        Instant floor = floorOf(t, unit);
        Instant ceiling = floor.equals(t) ? t : floor.plus(unit);
        if (Duration.between(floor, t).compareTo(Duration.between(t, ceiling)) <= 0) {
            return new Bound(floor, floor, t, 1);
        }
        return new Bound(ceiling, t, ceiling, -1);
    }

    /** Whether rows are needed besides the rollup. */
    boolean hasRows() {
        return rawFrom.isBefore(rawTo);
    }

    static Instant floorOf(Instant t, Duration unit) {
        long seconds = t.getEpochSecond();
        return Instant.ofEpochSecond(seconds - Math.floorMod(seconds, unit.toSeconds()));
    }

    /** Whether {@code t} is a bucket boundary. */
    static boolean aligned(Instant t, Duration unit) {
        return floorOf(t, unit).equals(t);
    }
}
