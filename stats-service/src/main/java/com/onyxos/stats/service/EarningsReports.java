package com.onyxos.stats.service;

import com.onyxos.stats.domain.SourceCategory;
import com.onyxos.stats.repository.AnalyticsWindow;
import com.onyxos.stats.repository.CreatorQueries;
import com.onyxos.stats.repository.CreatorRef;
import com.onyxos.stats.repository.EarningsAnalytics;
import com.onyxos.stats.repository.EarningsAnalytics.PeriodTotals;
import com.onyxos.stats.repository.EarningsAnalytics.SourceTotals;
import com.onyxos.stats.repository.EarningsAnalytics.SubscriberTotals;
import com.onyxos.stats.repository.EarningsAnalytics.WeekHourTotals;
import com.onyxos.stats.repository.LocalPeriods;
import com.onyxos.stats.repository.Measures;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The earnings summary and the analytics, composed from {@link EarningsAnalytics}' SQL: totals, by source, over
 * time, the golden ratio, revenue per subscriber, best weekday, hour and day, and the per-creator comparison. Every
 * figure is available with refunds and chargebacks netted and without them ({@link Amounts}).
 */
@ApplicationScoped
public class EarningsReports {

    /** How the figures treat refunds and chargebacks, stated in every answer. */
    public static final String NETTING = "gross and net include refunds and chargebacks (negative rows, netted);"
            + " salesGross and salesNet exclude them; refundGross/refundNet and chargebackGross/chargebackNet are"
            + " the reversals alone";

    private final EarningsAnalytics analytics;
    private final CreatorQueries creators;

    public EarningsReports(EarningsAnalytics analytics, CreatorQueries creators) {
        this.analytics = analytics;
        this.creators = creators;
    }

    /** Totals, totals by source and a series over the window. */
    public Uni<Summary> summary(AnalyticsWindow w, String granularity) {
        return analytics.totalsBySource(w).chain(totals -> analytics
                .series(w, granularity)
                .map(series -> new Summary(
                        Window.of(w),
                        w.creatorId(),
                        true,
                        NETTING,
                        Amounts.of(sum(totals, t -> t.measures())),
                        bySource(totals),
                        periods(w, granularity, series))));
    }

    /** Earnings per local period and source. */
    public Uni<OverTime> overTime(AnalyticsWindow w, String granularity) {
        return analytics
                .series(w, granularity)
                .map(series -> new OverTime(
                        Window.of(w), w.creatorId(), granularity, NETTING, periods(w, granularity, series)));
    }

    /** Recurring (subscription + renewal) against transactional (every other source) revenue. */
    public Uni<GoldenRatio> goldenRatio(AnalyticsWindow w) {
        return analytics.totalsBySource(w).map(totals -> {
            Measures recurring = Measures.ZERO;
            Measures transactional = Measures.ZERO;
            Map<String, String> mapping = new TreeMap<>();
            for (SourceTotals t : totals) {
                SourceCategory category = SourceCategory.of(t.source());
                mapping.put(t.source(), category.code());
                if (category == SourceCategory.RECURRING) {
                    recurring = recurring.plus(t.measures());
                } else {
                    transactional = transactional.plus(t.measures());
                }
            }
            return new GoldenRatio(
                    Window.of(w),
                    w.creatorId(),
                    NETTING,
                    Amounts.of(recurring),
                    Amounts.of(transactional),
                    share(recurring.net(), recurring.net() + transactional.net()),
                    ratio(recurring.net(), transactional.net()),
                    mapping,
                    SourceCategory.DOCUMENTED);
        });
    }

    /** Net and gross revenue per average subscriber, per creator and for the agency. */
    public Uni<PerSubscriber> perSubscriber(AnalyticsWindow w) {
        return analytics.totals(w).chain(totals -> analytics
                .subscribers(w)
                .chain(subscribers -> creators.active(w.agencyId()).map(active -> {
                    Map<UUID, Measures> byCreator = byCreator(totals);
                    Map<UUID, String> handles = handles(active);
                    List<CreatorPerSubscriber> rows = new ArrayList<>();
                    double averageSum = 0;
                    Measures covered = Measures.ZERO;
                    for (SubscriberTotals s : subscribers) {
                        Measures m = byCreator.getOrDefault(s.creatorId(), Measures.ZERO);
                        rows.add(new CreatorPerSubscriber(
                                s.creatorId(),
                                handles.get(s.creatorId()),
                                Amounts.of(m),
                                round(s.average()),
                                perUnit(m.gross(), s.average()),
                                perUnit(m.net(), s.average())));
                        averageSum += s.average();
                        covered = covered.plus(m);
                    }
                    rows.sort(Comparator.comparing(
                            CreatorPerSubscriber::netPerSubscriber,
                            Comparator.nullsLast(Comparator.<Long>reverseOrder())));
                    return new PerSubscriber(
                            Window.of(w),
                            NETTING,
                            Amounts.of(covered),
                            round(averageSum),
                            perUnit(covered.gross(), averageSum),
                            perUnit(covered.net(), averageSum),
                            rows);
                })));
    }

    /** The best local weekday, hour of day and date of the window, with the sums they were chosen from. */
    public Uni<BestTimes> bestTimes(AnalyticsWindow w) {
        return analytics.byLocalTime(w).map(local -> {
            Map<Integer, Measures> weekdays = new TreeMap<>();
            Map<Integer, Measures> hours = new TreeMap<>();
            for (WeekHourTotals cell : local.weekHours()) {
                weekdays.merge(cell.weekday(), cell.measures(), Measures::plus);
                hours.merge(cell.hour(), cell.measures(), Measures::plus);
            }
            List<Slot> weekdaySlots = new ArrayList<>();
            for (int d = 1; d <= 7; d++) {
                weekdaySlots.add(new Slot(
                        d,
                        DayOfWeek.of(d).getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                        Amounts.of(weekdays.getOrDefault(d, Measures.ZERO))));
            }
            List<Slot> hourSlots = new ArrayList<>();
            for (int h = 0; h < 24; h++) {
                hourSlots.add(
                        new Slot(h, String.format("%02d:00", h), Amounts.of(hours.getOrDefault(h, Measures.ZERO))));
            }
            DaySlot bestDay = local.days().entrySet().stream()
                    .max(Map.Entry.<LocalDate, Measures>comparingByValue(Comparator.comparingLong(Measures::net))
                            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .map(e -> new DaySlot(e.getKey(), Amounts.of(e.getValue())))
                    .orElse(null);
            return new BestTimes(
                    Window.of(w),
                    w.creatorId(),
                    NETTING,
                    best(weekdaySlots),
                    best(hourSlots),
                    bestDay,
                    weekdaySlots,
                    hourSlots);
        });
    }

    /** Every active creator (and any other with earnings in the window) side by side, highest net first. */
    public Uni<CreatorComparison> creators(AnalyticsWindow w) {
        return analytics.totals(w).chain(totals -> analytics
                .subscribers(w)
                .chain(subscribers -> creators.active(w.agencyId()).map(active -> {
                    Map<UUID, Measures> all = byCreator(totals);
                    Map<UUID, Measures> recurring = new HashMap<>();
                    totals.stream()
                            .filter(t -> SourceCategory.of(t.source()) == SourceCategory.RECURRING)
                            .forEach(t -> recurring.merge(t.creatorId(), t.measures(), Measures::plus));
                    Map<UUID, SubscriberTotals> subs = subscribers.stream()
                            .collect(Collectors.toMap(SubscriberTotals::creatorId, Function.identity()));
                    Map<UUID, String> handles = handles(active);
                    List<UUID> ids = new ArrayList<>(handles.keySet());
                    all.keySet().stream().filter(id -> !handles.containsKey(id)).forEach(ids::add);
                    long agencyNet =
                            all.values().stream().mapToLong(Measures::net).sum();
                    List<CreatorRow> rows = new ArrayList<>();
                    for (UUID id : ids) {
                        Measures m = all.getOrDefault(id, Measures.ZERO);
                        Measures r = recurring.getOrDefault(id, Measures.ZERO);
                        SubscriberTotals s = subs.get(id);
                        rows.add(new CreatorRow(
                                id,
                                handles.get(id),
                                Amounts.of(m),
                                share(m.net(), agencyNet),
                                r.net(),
                                m.net() - r.net(),
                                ratio(r.net(), m.net() - r.net()),
                                s == null ? null : round(s.average()),
                                s == null ? null : perUnit(m.net(), s.average()),
                                s == null ? null : (long) s.last() - s.first(),
                                s == null ? null : s.added(),
                                s == null ? null : s.cancelled()));
                    }
                    rows.sort(Comparator.comparingLong(
                                    (CreatorRow c) -> c.earnings().net())
                            .reversed()
                            .thenComparing(CreatorRow::creatorId));
                    return new CreatorComparison(Window.of(w), NETTING, rows);
                })));
    }

    private static List<SourceRow> bySource(List<SourceTotals> totals) {
        Map<String, Measures> bySource = new TreeMap<>();
        totals.forEach(t -> bySource.merge(t.source(), t.measures(), Measures::plus));
        List<SourceRow> rows = new ArrayList<>();
        bySource.forEach((source, m) ->
                rows.add(new SourceRow(source, SourceCategory.of(source).code(), Amounts.of(m))));
        return rows;
    }

    /** Every period of the window, empty ones included, each with its total and its sources. */
    private static List<Period> periods(AnalyticsWindow w, String granularity, List<PeriodTotals> series) {
        Map<Instant, Map<String, Measures>> byPeriod = new TreeMap<>();
        for (PeriodTotals p : series) {
            byPeriod.computeIfAbsent(p.periodStart(), k -> new TreeMap<>())
                    .merge(p.source(), p.measures(), Measures::plus);
        }
        List<Period> periods = new ArrayList<>();
        for (ZonedDateTime p : LocalPeriods.starts(w.from(), w.to(), w.zone(), granularity)) {
            Map<String, Measures> sources = byPeriod.getOrDefault(p.toInstant(), Map.of());
            Map<String, Amounts> bySource = new LinkedHashMap<>();
            sources.forEach((source, m) -> bySource.put(source, Amounts.of(m)));
            periods.add(new Period(
                    p.toInstant(),
                    p.toLocalDate(),
                    Amounts.of(sources.values().stream().reduce(Measures.ZERO, Measures::plus)),
                    bySource));
        }
        return periods;
    }

    private static Slot best(List<Slot> slots) {
        return slots.stream()
                .filter(s -> s.earnings().sales()
                                + s.earnings().refunds()
                                + s.earnings().chargebacks()
                        > 0)
                .max(Comparator.comparingLong((Slot s) -> s.earnings().net())
                        .thenComparing(Comparator.comparingInt(Slot::number).reversed()))
                .orElse(null);
    }

    private static Map<UUID, Measures> byCreator(List<SourceTotals> totals) {
        Map<UUID, Measures> byCreator = new HashMap<>();
        totals.forEach(t -> byCreator.merge(t.creatorId(), t.measures(), Measures::plus));
        return byCreator;
    }

    private static Map<UUID, String> handles(List<CreatorRef> active) {
        Map<UUID, String> handles = new LinkedHashMap<>();
        active.forEach(c -> handles.put(c.id(), c.handle()));
        return handles;
    }

    private static <T> Measures sum(List<T> rows, Function<T, Measures> get) {
        return rows.stream().map(get).reduce(Measures.ZERO, Measures::plus);
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1_000_000.0 / whole) / 1_000_000.0;
    }

    private static Double ratio(long a, long b) {
        return b == 0 ? null : Math.round(a * 1_000_000.0 / b) / 1_000_000.0;
    }

    private static Long perUnit(long amount, double units) {
        return units <= 0 ? null : Math.round(amount / units);
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    /**
     * The window an answer covers.
     *
     * @param from start, inclusive
     * @param to end, exclusive
     * @param timezone the IANA zone local periods are counted in
     */
    public record Window(Instant from, Instant to, String timezone) {
        static Window of(AnalyticsWindow w) {
            return new Window(w.from(), w.to(), w.zone().getId());
        }
    }

    /**
     * @param window the window
     * @param creatorId the creator, null for the agency
     * @param refundsNetted true: gross and net have refunds and chargebacks netted (the sales figures beside them do
     *     not)
     * @param netting the rule in words
     * @param totals the window's totals
     * @param bySource per source, with its golden-ratio category
     * @param overTime per local period, empty periods included
     */
    public record Summary(
            Window window,
            UUID creatorId,
            boolean refundsNetted,
            String netting,
            Amounts totals,
            List<SourceRow> bySource,
            List<Period> overTime) {}

    /**
     * @param source Fanvue's source
     * @param category recurring or transactional
     * @param earnings its earnings
     */
    public record SourceRow(String source, String category, Amounts earnings) {}

    /**
     * @param periodStart the local period's start
     * @param date its first local date
     * @param total all sources
     * @param bySource per source
     */
    public record Period(Instant periodStart, LocalDate date, Amounts total, Map<String, Amounts> bySource) {}

    /**
     * @param window the window
     * @param creatorId the creator, null for the agency
     * @param granularity day, week (from Monday) or month
     * @param netting the rule
     * @param periods per local period, empty ones included
     */
    public record OverTime(Window window, UUID creatorId, String granularity, String netting, List<Period> periods) {}

    /**
     * @param window the window
     * @param creatorId the creator, null for the agency
     * @param netting the rule
     * @param recurring subscription + renewal
     * @param transactional every other source
     * @param recurringShare recurring ÷ (recurring + transactional), net; null when both are 0
     * @param ratio recurring ÷ transactional, net; null when transactional is 0
     * @param mapping the category of each source in the window
     * @param documented every documented source and why it is where it is
     */
    public record GoldenRatio(
            Window window,
            UUID creatorId,
            String netting,
            Amounts recurring,
            Amounts transactional,
            Double recurringShare,
            Double ratio,
            Map<String, String> mapping,
            Map<String, String> documented) {}

    /**
     * @param window the window
     * @param netting the rule
     * @param earnings earnings of the creators with subscriber history in the window
     * @param averageSubscribers their average daily subscribers, summed
     * @param grossPerSubscriber gross ÷ average subscribers (minor units, rounded)
     * @param netPerSubscriber net ÷ average subscribers
     * @param creators per creator, highest net per subscriber first
     */
    public record PerSubscriber(
            Window window,
            String netting,
            Amounts earnings,
            double averageSubscribers,
            Long grossPerSubscriber,
            Long netPerSubscriber,
            List<CreatorPerSubscriber> creators) {}

    /**
     * @param creatorId the creator
     * @param handle its handle
     * @param earnings its earnings in the window
     * @param averageSubscribers its average daily subscribers
     * @param grossPerSubscriber gross ÷ average subscribers
     * @param netPerSubscriber net ÷ average subscribers
     */
    public record CreatorPerSubscriber(
            UUID creatorId,
            String handle,
            Amounts earnings,
            double averageSubscribers,
            Long grossPerSubscriber,
            Long netPerSubscriber) {}

    /**
     * @param number ISO weekday (1 = Monday) or hour (0-23)
     * @param name its name
     * @param earnings its earnings over the window
     */
    public record Slot(int number, String name, Amounts earnings) {}

    /**
     * @param date the local date
     * @param earnings its earnings
     */
    public record DaySlot(LocalDate date, Amounts earnings) {}

    /**
     * @param window the window
     * @param creatorId the creator, null for the agency
     * @param netting the rule
     * @param bestWeekday the weekday with the highest net (null when no earnings)
     * @param bestHour the local hour with the highest net
     * @param bestDay the local date with the highest net
     * @param weekdays every weekday
     * @param hours every hour
     */
    public record BestTimes(
            Window window,
            UUID creatorId,
            String netting,
            Slot bestWeekday,
            Slot bestHour,
            DaySlot bestDay,
            List<Slot> weekdays,
            List<Slot> hours) {}

    /**
     * @param window the window
     * @param netting the rule
     * @param creators highest net first
     */
    public record CreatorComparison(Window window, String netting, List<CreatorRow> creators) {}

    /**
     * @param creatorId the creator
     * @param handle its handle (null for a creator no longer active)
     * @param earnings its earnings
     * @param share its share of the agency's net
     * @param recurringNet subscription + renewal, net
     * @param transactionalNet every other source, net
     * @param goldenRatio recurring ÷ transactional, net
     * @param averageSubscribers average daily subscribers
     * @param netPerSubscriber net ÷ average subscribers
     * @param subscriberGrowth last day's subscribers minus the first day's
     * @param newSubscribers new subscribers over the window
     * @param cancelledSubscribers cancellations over the window
     */
    public record CreatorRow(
            UUID creatorId,
            String handle,
            Amounts earnings,
            Double share,
            long recurringNet,
            long transactionalNet,
            Double goldenRatio,
            Double averageSubscribers,
            Long netPerSubscriber,
            Long subscriberGrowth,
            Long newSubscribers,
            Long cancelledSubscribers) {}
}
