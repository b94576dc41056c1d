package com.onyxos.stats.repository;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Local periods and offsets of a window, computed in Java (java.time's zone rules know every DST change): the starts
 * of the local days, weeks (from Monday) or months a window touches, and the spans of constant UTC offset it crosses.
 * The SQL then sums rollup rows per UTC bound instead of converting every row's time zone.
 */
public final class LocalPeriods {

    private LocalPeriods() {}

    /**
     * The start of every local period ({@code granularity}: day, week or month) that overlaps [from, to), oldest
     * first; the first one is at or before {@code from}.
     */
    public static List<ZonedDateTime> starts(Instant from, Instant to, ZoneId zone, String granularity) {
        List<ZonedDateTime> starts = new ArrayList<>();
        for (ZonedDateTime p = truncate(from.atZone(zone), granularity);
                p.toInstant().isBefore(to);
                p = next(p, granularity)) {
            starts.add(p);
        }
        return starts;
    }

    private static ZonedDateTime truncate(ZonedDateTime t, String granularity) {
        LocalDate day = t.toLocalDate();
        LocalDate start =
                switch (granularity) {
                    case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    case "month" -> day.withDayOfMonth(1);
                    default -> day;
                };
        return start.atStartOfDay(t.getZone());
    }

    private static ZonedDateTime next(ZonedDateTime p, String granularity) {
        LocalDate day = p.toLocalDate();
        LocalDate next =
                switch (granularity) {
                    case "week" -> day.plusWeeks(1);
                    case "month" -> day.plusMonths(1);
                    default -> day.plusDays(1);
                };
        return next.atStartOfDay(p.getZone());
    }

    /** The spans of [from, to) over which the zone's offset from UTC is constant, in order. */
    public static List<OffsetSpan> offsets(Instant from, Instant to, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<OffsetSpan> spans = new ArrayList<>();
        Instant start = from;
        while (start.isBefore(to)) {
            ZoneOffsetTransition change = rules.nextTransition(start);
            Instant end = change == null || !change.getInstant().isBefore(to) ? to : change.getInstant();
            spans.add(new OffsetSpan(start, end, rules.getOffset(start)));
            start = end;
        }
        return spans;
    }

    /**
     * Whether every offset in the spans is a whole number of {@code unitSeconds} and every change of offset falls on a
     * multiple of it: then a UTC bucket of that size never straddles a local hour or day.
     */
    public static boolean aligned(List<OffsetSpan> spans, long unitSeconds) {
        for (int i = 0; i < spans.size(); i++) {
            OffsetSpan span = spans.get(i);
            if (span.offset().getTotalSeconds() % unitSeconds != 0) {
                return false;
            }
            if (i > 0 && span.from().getEpochSecond() % unitSeconds != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A span of constant UTC offset.
     *
     * @param from start, inclusive
     * @param to end, exclusive
     * @param offset the offset throughout
     */
    public record OffsetSpan(Instant from, Instant to, ZoneOffset offset) {}
}
