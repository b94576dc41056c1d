package com.onyxos.stats.service;

import com.onyxos.common.fanvue.DateRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a pass's window into time slices read side by side, each its own cursor chain (Fanvue's pages are at most 50
 * rows, so one chain is one request after another). The slices are half-open and together cover the window exactly:
 * {@code [start, c1), [c1, c2), ..., [cn, open end)}; the last stays open at the end as a single chain would, so a row
 * dated ahead of our clock is read too. A window with no start (a first pass asking for everything) is one chain:
 * where its rows lie is unknown, so equal cuts could not share them out.
 */
final class EarningsSlices {

    private EarningsSlices() {}

    /**
     * @param start the window's start, null for everything
     * @param now the pass's clock, where the last slice's open end begins
     * @param most the most slices
     * @param shortest no slice is cut shorter than this
     */
    static List<DateRange> of(Instant start, Instant now, int most, Duration shortest) {
        if (start == null || !start.isBefore(now)) {
            return List.of(new DateRange(start, null));
        }
        Duration span = Duration.between(start, now);
        long fit = shortest.isZero() ? most : span.toNanos() / Math.max(1, shortest.toNanos());
        int count = (int) Math.max(1, Math.min(most, fit));
        List<DateRange> slices = new ArrayList<>(count);
        Instant from = start;
        for (int i = 1; i < count; i++) {
            Instant cut = start.plus(span.multipliedBy(i).dividedBy(count));
            slices.add(new DateRange(from, cut));
            from = cut;
        }
        slices.add(new DateRange(from, null));
        return slices;
    }
}
