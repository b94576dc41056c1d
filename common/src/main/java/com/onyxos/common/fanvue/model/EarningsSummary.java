package com.onyxos.common.fanvue.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /insights/earnings/summary}: totals, totals by source and a series; USD cents. Amounts are boxed: one
 * an answer lacks stays null instead of reading as 0.
 */
public record EarningsSummary(Totals totals, Map<String, Amounts> breakdownBySource, List<Period> overTime) {

    /** Gross and net. */
    public record Amounts(Long gross, Long net) {}

    /** All-time and this-month totals. */
    public record Totals(Amounts allTime, Amounts thisMonth) {}

    /** One day or week of the series. */
    public record Period(Instant periodStart, Long gross, Long net) {}
}
