package com.onyxos.stats.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Analytics over synced earnings, in SQL: window totals per creator and source, series by local day, week or month,
 * sums by local weekday and hour, and subscribers per creator. Agency-wide queries read the rollups for the whole
 * days or quarter hours inside the window and the transaction rows only at its edges; a one-creator query reads
 * that creator's rows through its index. Every query is scoped by agency.
 */
@ApplicationScoped
public class EarningsAnalytics {

    /** Granularities of a series (also date_trunc's field names). */
    public static final Set<String> GRANULARITIES = Set.of("day", "week", "month");

    private final Pool pool;

    public EarningsAnalytics(Pool pool) {
        this.pool = pool;
    }

    /** Totals per creator and source over the window. */
    public Uni<List<SourceTotals>> totals(AnalyticsWindow w) {
        Tuple params = Tuple.tuple().addValue(w.agencyId());
        String creator = creatorFilter(w, params, "");
        StringBuilder sql = new StringBuilder("select model_id, source, ")
                .append(Measures.SUMS)
                .append(" from (");
        if (w.creatorId() == null && w.hasWholeDays()) {
            params.addValue(AnalyticsWindow.utcDate(w.dayStart())).addValue(AnalyticsWindow.utcDate(w.dayEnd()));
            sql.append("select model_id, source, ")
                    .append(Measures.COLUMNS)
                    .append(" from earnings_daily where agency_id = $1 and day >= $")
                    .append(params.size() - 1)
                    .append(" and day < $")
                    .append(params.size())
                    .append(" union all ");
            rows(sql, params, creator, "t.model_id, t.transaction_type as source", w.from(), w.dayStart());
            sql.append(" union all ");
            rows(sql, params, creator, "t.model_id, t.transaction_type as source", w.dayEnd(), w.to());
        } else {
            rows(sql, params, creator, "t.model_id, t.transaction_type as source", w.from(), w.to());
        }
        sql.append(") u group by model_id, source");
        return pool.preparedQuery(sql.toString()).execute(params).map(result -> {
            List<SourceTotals> totals = new ArrayList<>();
            for (Row row : result) {
                totals.add(new SourceTotals(row.getUUID("model_id"), row.getString("source"), Measures.of(row)));
            }
            return totals;
        });
    }

    /** Totals per local period ({@code granularity}: day, week or month) and source, oldest first. */
    public Uni<List<PeriodTotals>> series(AnalyticsWindow w, String granularity) {
        if (!GRANULARITIES.contains(granularity)) {
            throw new IllegalArgumentException("granularity " + granularity);
        }
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

    /** Totals per local ISO weekday (1 = Monday) and hour (0-23). */
    public Uni<List<WeekHourTotals>> byWeekdayAndHour(AnalyticsWindow w) {
        Tuple params = Tuple.tuple().addValue(w.agencyId()).addValue(w.zone().getId());
        StringBuilder sql = new StringBuilder("select extract(isodow from b at time zone $2)::int as weekday,")
                .append(" extract(hour from b at time zone $2)::int as hour, ")
                .append(Measures.SUMS)
                .append(" from (");
        local(sql, params, w);
        sql.append(") u group by 1, 2 order by 1, 2");
        return pool.preparedQuery(sql.toString()).execute(params).map(result -> {
            List<WeekHourTotals> cells = new ArrayList<>();
            for (Row row : result) {
                cells.add(new WeekHourTotals(row.getInteger("weekday"), row.getInteger("hour"), Measures.of(row)));
            }
            return cells;
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
        String sql = "select model_id, avg(total)::float8 as average, count(*)::int as days,"
                + " (array_agg(total order by date))[1] as first_total,"
                + " (array_agg(total order by date desc))[1] as last_total,"
                + " sum(new_subscribers)::bigint as added, sum(cancelled_subscribers)::bigint as cancelled"
                + " from subscriber_history where agency_id = $1 and date >= $2 and date < $3" + creator
                + " group by model_id";
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
