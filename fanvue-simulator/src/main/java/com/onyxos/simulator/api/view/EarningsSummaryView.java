package com.onyxos.simulator.api.view;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code /insights/earnings/summary}: totals, the window broken down by source and over time (USD cents). */
public record EarningsSummaryView(Totals totals, Map<String, Money> breakdownBySource, List<Period> overTime) {

    /** All-time and current-month totals. */
    public record Totals(Money allTime, Money thisMonth) {}

    /** One day or week, starting at local midnight of the requested time zone. */
    public record Period(Instant periodStart, long gross, long net) {}
}
