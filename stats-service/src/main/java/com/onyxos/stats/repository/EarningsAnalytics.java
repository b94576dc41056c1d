package com.onyxos.stats.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Analytics over synced earnings, in SQL: window totals per creator and source, series by local day, week or month,
 * sums by local weekday, hour and date, and subscribers per creator. Window sums are differences of running totals
 * ({@link RunningTotals}: per creator and UTC day, per source and quarter hour) at bounds computed in Java, so a
 * year costs what a day costs; local weekdays and hours come from the hourly rollup with the zone's offsets computed
 * in Java. Short windows and one creator's series read the rows through their indexes. Every query is scoped by
 * agency.
 */
@ApplicationScoped
public class EarningsAnalytics {

    /** Granularities of a series (also date_trunc's field names). */
    public static final Set<String> GRANULARITIES = Set.of("day", "week", "month");

    /** Windows at least this long are summed from running totals; shorter ones from their few rows. */
    private static final Duration RUNNING_FROM = Duration.ofDays(1);

    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration QUARTER = Duration.ofMinutes(15);

    // Local seconds are counted from 36,526 days (whole weeks) before 1970-01-01, so they stay positive (integer
    // division is then floor division) and weekdays keep; epoch day = d - SHIFT_DAYS.
    private static final long SHIFT_DAYS = 5218 * 7;

    private final Pool pool;
    private final RunningTotals running;

    EarningsAnalytics(Pool pool, RunningTotals running) {
        this.pool = pool;
        this.running = running;
    }

    /**
     * Totals per creator and source over the window: C(to) - C(from) of the daily running totals, each bound moved
     * to its nearer UTC midnight and corrected by the rows in between (at most half a day of the agency's rows).
     */
    public Uni<List<SourceTotals>> totals(AnalyticsWindow w) {
        if (!longWindow(w)) {
            return rowTotals(w);
        }
        List<Bound> bounds = List.of(Bound.nearer(w.from(), DAY), Bound.nearer(w.to(), DAY));
        return running.at(w.agencyId(), w.creatorId(), RunningTotals.Level.CREATOR_DAYS, bounds)
                .map(EarningsAnalytics::differences);
    }

    /**
     * Totals per source over the window for the whole agency (creatorId null in the answer), from the quarter-hour
     * running totals with at most a quarter hour of rows at each edge; one creator's come from {@link #totals}.
     */
    public Uni<List<SourceTotals>> totalsBySource(AnalyticsWindow w) {
        if (w.creatorId() != null || !longWindow(w)) {
            return totals(w);
        }
        List<Bound> bounds = List.of(Bound.floor(w.from(), QUARTER), Bound.floor(w.to(), QUARTER));
        return running.at(w.agencyId(), null, RunningTotals.Level.QUARTERS, bounds)
                .map(EarningsAnalytics::differences);
    }

    private static boolean longWindow(AnalyticsWindow w) {
        return Duration.between(w.from(), w.to()).compareTo(RUNNING_FROM) >= 0;
    }

    private static List<SourceTotals> differences(Map<RunningTotals.Key, Measures[]> at) {
        List<SourceTotals> totals = new ArrayList<>();
        at.forEach((key, c) -> {
            Measures m = c[1].minus(c[0]);
            if (m.rows() != 0) {
                totals.add(new SourceTotals(key.creatorId(), key.source(), m));
            }
        });
        return totals;
    }

    /** Totals per creator and source over the window from the rows (windows shorter than a day). */
    private Uni<List<SourceTotals>> rowTotals(AnalyticsWindow w) {
        Tuple params = Tuple.tuple().addValue(w.agencyId());
        String creator = creatorFilter(w, params, "");
        StringBuilder sql = new StringBuilder("select model_id, source, ")
                .append(Measures.SUMS)
                .append(" from (");
        rows(sql, params, creator, "t.model_id, t.transaction_type as source", w.from(), w.to());
        sql.append(") u group by model_id, source");
        return pool.preparedQuery(sql.toString()).execute(params).map(result -> {
            List<SourceTotals> totals = new ArrayList<>();
            for (Row row : result) {
                totals.add(new SourceTotals(row.getUUID("model_id"), row.getString("source"), Measures.of(row)));
            }
            return totals;
        });
    }

    /**
     * Totals per local period ({@code granularity}: day, week or month) and source. For the agency over a day or
     * more: the local periods' UTC bounds are computed in Java and each period is C(end) - C(start) of the hourly
     * running totals (all sources in one row: one probe per bound) where every local midnight is on the hour, else of
     * the quarter-hour ones (one probe per source and bound; every local midnight of today's zones is a quarter
     * hour). Otherwise (one creator, short windows, a midnight off the quarter hour) from the rows, periods in SQL.
     */
    public Uni<List<PeriodTotals>> series(AnalyticsWindow w, String granularity) {
        if (!GRANULARITIES.contains(granularity)) {
            throw new IllegalArgumentException("granularity " + granularity);
        }
        List<ZonedDateTime> starts = LocalPeriods.starts(w.from(), w.to(), w.zone(), granularity);
        RunningTotals.Level level = starts.stream().skip(1).allMatch(p -> Bound.aligned(p.toInstant(), HOUR))
                ? RunningTotals.Level.HOURS
                : starts.stream().skip(1).allMatch(p -> Bound.aligned(p.toInstant(), QUARTER))
                        ? RunningTotals.Level.QUARTERS
                        : null;
        if (w.creatorId() != null || !longWindow(w) || level == null) {
            return rowSeries(w, granularity);
        }
        List<Bound> bounds = new ArrayList<>();
        bounds.add(Bound.floor(w.from(), level.unit));
        starts.stream().skip(1).forEach(p -> bounds.add(Bound.floor(p.toInstant(), level.unit)));
        bounds.add(Bound.floor(w.to(), level.unit));
        return running.at(w.agencyId(), null, level, bounds).map(at -> {
            List<PeriodTotals> periods = new ArrayList<>();
            at.forEach((key, c) -> {
                for (int i = 0; i < starts.size(); i++) {
                    Measures m = c[i + 1].minus(c[i]);
                    if (m.rows() != 0) {
                        periods.add(new PeriodTotals(starts.get(i).toInstant(), key.source(), m));
                    }
                }
            });
            periods.sort(Comparator.comparing(PeriodTotals::periodStart).thenComparing(PeriodTotals::source));
            return periods;
        });
    }

    private Uni<List<PeriodTotals>> rowSeries(AnalyticsWindow w, String granularity) {
        Tuple params = Tuple.tuple().addValue(w.agencyId());
        StringBuilder sql = new StringBuilder("select date_trunc('")
                .append(granularity)
                .append("', b, $2) as period, source, ")
                .append(Measures.SUMS)
                .append(" from (");
        params.addValue(w.zone().getId());
        local(sql, params, w);
        sql.append(") u group by 1, source order by 1, source");
        return pool.preparedQuery(sql.toString()).execute(params).map(result -> {
            List<PeriodTotals> periods = new ArrayList<>();
            for (Row row : result) {
                periods.add(new PeriodTotals(
                        SqlTimes.instant(row.getValue("period")), row.getString("source"), Measures.of(row)));
            }
            return periods;
        });
    }

    /**
     * Totals per local ISO weekday (1 = Monday) and hour (0-23), and per local date. The window is cut where the
     * zone's offset changes (java.time's rules) and each row's local time is its UTC time plus the span's offset, in
     * integers: for the agency the hourly rollup (8,760 rows a year) where every offset and change is on the hour, the
     * quarter hours where they are on quarter hours, the rows at the edges and otherwise.
     */
    public Uni<LocalTimes> byLocalTime(AnalyticsWindow w) {
        List<LocalPeriods.OffsetSpan> spans = LocalPeriods.offsets(w.from(), w.to(), w.zone());
        Tuple params = Tuple.tuple()
                .addValue(w.agencyId())
                .addValue(spans.stream().map(o -> SqlTimes.utc(o.from())).toArray(OffsetDateTime[]::new))
                .addValue(spans.stream().map(o -> SqlTimes.utc(o.to())).toArray(OffsetDateTime[]::new))
                .addValue(spans.stream().map(o -> o.offset().getTotalSeconds()).toArray(Integer[]::new));
        StringBuilder sql = new StringBuilder("select grouping(u.d) = 0 as by_day, u.d, u.wd, u.h, ")
                .append(Measures.SUMS)
                .append(" from (select x.l / 86400 as d, mod(x.l / 86400 + 3, 7)::int + 1 as wd,")
                .append(" (mod(x.l, 86400) / 3600)::int as h, ")
                .append(Measures.COLUMNS)
                .append(" from (select floor(date_part('epoch', v.b))::bigint + o.secs + ")
                .append(SHIFT_DAYS * 86400L)
                .append(" as l, ")
                .append(Measures.COLUMNS)
                .append(" from (");
        String creator = creatorFilter(w, params, "t.");
        Duration unit = w.creatorId() != null
                ? null
                : LocalPeriods.aligned(spans, HOUR.toSeconds())
                        ? HOUR
                        : LocalPeriods.aligned(spans, QUARTER.toSeconds()) ? QUARTER : null;
        Instant coreFrom =
                unit == null ? null : Bound.floorOf(w.from().plus(unit).minusNanos(1), unit);
        Instant coreTo = unit == null ? null : Bound.floorOf(w.to(), unit);
        String columns = "t.transaction_date as b";
        if (unit != null && coreFrom.isBefore(coreTo)) {
            params.addValue(SqlTimes.utc(coreFrom)).addValue(SqlTimes.utc(coreTo));
            sql.append("select bucket as b, ")
                    .append(Measures.COLUMNS)
                    .append(" from ")
                    .append(unit == HOUR ? "earnings_hours" : "earnings_quarter_hours")
                    .append(" where agency_id = $1 and bucket >= $")
                    .append(params.size() - 1)
                    .append(" and bucket < $")
                    .append(params.size())
                    .append(" union all ");
            rows(sql, params, creator, columns, w.from(), coreFrom);
            sql.append(" union all ");
            rows(sql, params, creator, columns, coreTo, w.to());
        } else {
            rows(sql, params, creator, columns, w.from(), w.to());
        }
        sql.append(") v join unnest($2::timestamptz[], $3::timestamptz[], $4::int[]) as o(s1, s2, secs)")
                .append(" on v.b >= o.s1 and v.b < o.s2) x) u group by grouping sets ((u.d), (u.wd, u.h))");
        return pool.preparedQuery(sql.toString()).execute(params).map(result -> {
            List<WeekHourTotals> cells = new ArrayList<>();
            Map<LocalDate, Measures> days = new TreeMap<>();
            for (Row row : result) {
                if (row.getBoolean("by_day")) {
                    days.put(LocalDate.ofEpochDay(row.getLong("d") - SHIFT_DAYS), Measures.of(row));
                } else {
                    cells.add(new WeekHourTotals(row.getInteger("wd"), row.getInteger("h"), Measures.of(row)));
                }
            }
            return new LocalTimes(cells, days);
        });
    }

    /**
     * Per creator, the subscriber totals of the window's local dates: their average, first and last, and the new
     * and cancelled subscribers.
     */
    public Uni<List<SubscriberTotals>> subscribers(AnalyticsWindow w) {
        Tuple params =
                Tuple.tuple().addValue(w.agencyId()).addValue(w.firstDate()).addValue(w.endDate());
        String creator = creatorFilter(w, params, "");
        // Sums by hash aggregate, the first and last day's totals by a probe of (model_id, date) per creator:
        // ordered aggregates sorted every creator's days for two values.
        String sql = "select g.*, (select h.total from subscriber_history h where h.model_id = g.model_id"
                + " and h.date >= $2 and h.date < $3 order by h.date limit 1) as first_total,"
                + " (select h.total from subscriber_history h where h.model_id = g.model_id and h.date >= $2"
                + " and h.date < $3 order by h.date desc limit 1) as last_total"
                + " from (select model_id, avg(total)::float8 as average, count(*)::int as days,"
                + " sum(new_subscribers)::bigint as added, sum(cancelled_subscribers)::bigint as cancelled"
                + " from subscriber_history where agency_id = $1 and date >= $2 and date < $3" + creator
                + " group by model_id) g";
        return pool.preparedQuery(sql).execute(params).map(result -> {
            List<SubscriberTotals> totals = new ArrayList<>();
            for (Row row : result) {
                totals.add(new SubscriberTotals(
                        row.getUUID("model_id"),
                        row.getDouble("average"),
                        row.getInteger("days"),
                        row.getInteger("first_total"),
                        row.getInteger("last_total"),
                        row.getLong("added"),
                        row.getLong("cancelled")));
            }
            return totals;
        });
    }

    /** The rows (or quarter-hour rollup rows) of the window, as {@code b} (an instant), source and measures. */
    private static void local(StringBuilder sql, Tuple params, AnalyticsWindow w) {
        String creator = creatorFilter(w, params, "t.");
        if (w.creatorId() == null && w.hasWholeQuarters()) {
            params.addValue(SqlTimes.utc(w.quarterStart())).addValue(SqlTimes.utc(w.quarterEnd()));
            sql.append("select bucket as b, source, ")
                    .append(Measures.COLUMNS)
                    .append(" from earnings_quarter_hours where agency_id = $1 and bucket >= $")
                    .append(params.size() - 1)
                    .append(" and bucket < $")
                    .append(params.size())
                    .append(" union all ");
            rows(
                    sql,
                    params,
                    creator,
                    "t.transaction_date as b, t.transaction_type as source",
                    w.from(),
                    w.quarterStart());
            sql.append(" union all ");
            rows(sql, params, creator, "t.transaction_date as b, t.transaction_type as source", w.quarterEnd(), w.to());
        } else {
            rows(sql, params, creator, "t.transaction_date as b, t.transaction_type as source", w.from(), w.to());
        }
    }

    /** A select of the transaction rows in [from, to) with the given leading columns and the measures. */
    private static void rows(
            StringBuilder sql, Tuple params, String creator, String columns, Instant from, Instant to) {
        params.addValue(SqlTimes.utc(from)).addValue(SqlTimes.utc(to));
        sql.append("select ")
                .append(columns)
                .append(", ")
                .append(Measures.OF_ROW)
                .append(" from fanvue_transactions t where t.agency_id = $1")
                .append(creator)
                .append(" and t.transaction_date >= $")
                .append(params.size() - 1)
                .append(" and t.transaction_date < $")
                .append(params.size());
    }

    private static String creatorFilter(AnalyticsWindow w, Tuple params, String alias) {
        if (w.creatorId() == null) {
            return "";
        }
        params.addValue(w.creatorId());
        return " and " + alias + "model_id = $" + params.size();
    }

    /**
     * A creator's totals of one source.
     *
     * @param creatorId the creator
     * @param source the source
     * @param measures the sums
     */
    public record SourceTotals(UUID creatorId, String source, Measures measures) {}

    /**
     * One local period's totals of one source.
     *
     * @param periodStart the period's start (local midnight, as an instant)
     * @param source the source
     * @param measures the sums
     */
    public record PeriodTotals(Instant periodStart, String source, Measures measures) {}

    /**
     * Sums by local time.
     *
     * @param weekHours per local weekday and hour (those with rows)
     * @param days per local date (those with rows), oldest first
     */
    public record LocalTimes(List<WeekHourTotals> weekHours, Map<LocalDate, Measures> days) {}

    /**
     * Totals of one local weekday and hour.
     *
     * @param weekday ISO weekday, 1 = Monday
     * @param hour 0-23
     * @param measures the sums
     */
    public record WeekHourTotals(int weekday, int hour, Measures measures) {}

    /**
     * A creator's subscribers over the window's dates.
     *
     * @param creatorId the creator
     * @param average average daily total
     * @param days days with a total
     * @param first the first day's total
     * @param last the last day's total
     * @param added new subscribers
     * @param cancelled cancelled subscribers
     */
    public record SubscriberTotals(
            UUID creatorId, double average, int days, int first, int last, long added, long cancelled) {}
}
