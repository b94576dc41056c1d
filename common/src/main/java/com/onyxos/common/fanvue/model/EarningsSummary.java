package com.onyxos.common.fanvue.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code GET /insights/earnings/summary}: totals, totals by source and a series; USD cents. */
public record EarningsSummary(Totals totals, Map<String, Amounts> breakdownBySource, List<Period> overTime) {

    /** Gross and net. */
    public record Amounts(long gross, long net) {}

    /** All-time and this-month totals. */
    public record Totals(Amounts allTime, Amounts thisMonth) {}

    /** One day or week of the series. */
    public record Period(Instant periodStart, long gross, long net) {}
}
