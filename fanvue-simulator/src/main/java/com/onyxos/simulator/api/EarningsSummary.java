package com.onyxos.simulator.api;

import com.onyxos.simulator.api.view.EarningsSummaryView;
import com.onyxos.simulator.api.view.Money;
import com.onyxos.simulator.world.Earning;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /insights/earnings/summary}: all-time and this-month totals (month of the world's {@code now} in the
 * requested zone), and for the window a breakdown by source and a day or week series, empty periods included.
 */
final class EarningsSummary {
    private static final int MAX_PERIODS = 3700;

    private EarningsSummary() {}

    static Object answer(ApiRequest r) {
        Query.Window window = r.query().window();
        ZoneId zone = r.query().zone("timezone");
        String granularity = r.query().string("granularity").orElse("day");
        if (!granularity.equals("day") && !granularity.equals("week")) {
            throw new BadRequest("granularity must be day or week");
        }
        List<Earning> all = r.target().earnings();
        LocalDate monthStart = LocalDate.ofInstant(r.settings().now(), zone).withDayOfMonth(1);
        Query.Window month = new Query.Window(
                monthStart.atStartOfDay(zone).toInstant(),
                monthStart.plusMonths(1).atStartOfDay(zone).toInstant());
        Map<String, Money> bySource = new TreeMap<>();
        TreeMap<LocalDate, Money> byPeriod = new TreeMap<>();
        for (Earning e : all) {
            if (window.contains(e.date())) {
                bySource.merge(e.source(), new Money(e.gross(), e.net()), (a, b) -> a.plus(b.gross(), b.net()));
                byPeriod.merge(
                        periodOf(e.date(), zone, granularity),
                        new Money(e.gross(), e.net()),
                        (a, b) -> a.plus(b.gross(), b.net()));
            }
        }
        EarningsSummaryView.Totals totals = new EarningsSummaryView.Totals(sum(all, null), sum(all, month));
        return new EarningsSummaryView(totals, bySource, series(byPeriod, window, zone, granularity, r));
    }

    private static List<EarningsSummaryView.Period> series(
            TreeMap<LocalDate, Money> byPeriod, Query.Window window, ZoneId zone, String granularity, ApiRequest r) {
        List<EarningsSummaryView.Period> periods = new ArrayList<>();
        if (byPeriod.isEmpty() && window.start().equals(Instant.EPOCH)) {
            return periods;
        }
        Instant from = window.start().equals(Instant.EPOCH)
                ? byPeriod.firstKey().atStartOfDay(zone).toInstant()
                : window.start();
        Instant to = window.end().equals(Instant.MAX) ? r.settings().now() : window.end();
        LocalDate period = periodOf(from, zone, granularity);
        for (int i = 0; i < MAX_PERIODS && period.atStartOfDay(zone).toInstant().isBefore(to); i++) {
            Money money = byPeriod.getOrDefault(period, Money.ZERO);
            periods.add(
                    new EarningsSummaryView.Period(period.atStartOfDay(zone).toInstant(), money.gross(), money.net()));
            period = granularity.equals("week") ? period.plusWeeks(1) : period.plusDays(1);
        }
        return periods;
    }

    private static LocalDate periodOf(Instant instant, ZoneId zone, String granularity) {
        LocalDate day = LocalDate.ofInstant(instant, zone);
        return granularity.equals("week") ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day;
    }

    private static Money sum(List<Earning> rows, Query.Window window) {
        Money money = Money.ZERO;
        for (Earning e : rows) {
            if (window == null || window.contains(e.date())) {
                money = money.plus(e.gross(), e.net());
            }
        }
        return money;
    }
}
