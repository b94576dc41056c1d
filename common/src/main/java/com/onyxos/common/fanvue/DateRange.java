package com.onyxos.common.fanvue;

import java.time.Instant;

/**
 * A period for insights queries: {@code start} inclusive, {@code end} exclusive (Fanvue's {@code endDate} is
 * exclusive); either may be null to leave it to Fanvue.
 */
public record DateRange(Instant start, Instant end) {

    /** No bounds. */
    public static final DateRange ALL = new DateRange(null, null);

    public DateRange {
        if (start != null && end != null && !start.isBefore(end)) {
            throw new IllegalArgumentException("start must be before end");
        }
    }
}
