package com.onyxos.stats.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Recomputes an agency's earnings rollups ({@code earnings_daily} per creator, UTC day and source;
 * {@code earnings_quarter_hours} per agency, quarter hour and source; {@code earnings_hours} per agency and hour) for
 * the dates its creators' syncs wrote since the last recompute, then the running totals from the earliest recomputed
 * date on: per source and quarter hour, per hour with every source ({@code earnings_hour_totals}) and per creator and
 * day with every source of the creator ({@code earnings_creator_days}). Always recomputed from the rows, never incremented, so a recompute after anything (a crash, a
 * re-sync, a status change) converges. Runs under the agency's rollup lock, exclusive.
 */
@ApplicationScoped
public class EarningsRollups {

    private static final Duration QUARTER = Duration.ofMinutes(15);
    private static final Duration HOUR = Duration.ofHours(1);

    /** Dirty ranges longer than this are recomputed in one pass over the rows (see DAILY_INSERT_ALL). */
    private static final Duration LONG_RANGE = Duration.ofDays(31);

    private static final String MEASURES = "coalesce(sum(gross_amount) filter (where entry_kind = 'sale'), 0),"
            + " coalesce(sum(net_amount) filter (where entry_kind = 'sale'), 0),"
            + " count(*) filter (where entry_kind = 'sale'),"
            + " coalesce(sum(gross_amount) filter (where entry_kind = 'refund'), 0),"
            + " coalesce(sum(net_amount) filter (where entry_kind = 'refund'), 0),"
            + " count(*) filter (where entry_kind = 'refund'),"
            + " coalesce(sum(gross_amount) filter (where entry_kind = 'chargeback'), 0),"
            + " coalesce(sum(net_amount) filter (where entry_kind = 'chargeback'), 0),"
            + " count(*) filter (where entry_kind = 'chargeback')";

    private static final String DAILY_DELETE = "delete from earnings_daily e using"
            + " unnest($2::uuid[], $3::date[], $4::date[]) as r(model_id, d1, d2)"
            + " where e.agency_id = $1 and e.model_id = r.model_id and e.day between r.d1 and r.d2";

    private static final String DAILY_SELECT = "insert into earnings_daily (agency_id, model_id, day, source, "
            + Measures.COLUMNS + ") select $1, t.model_id, (t.transaction_date at time zone 'UTC')::date,"
            + " t.transaction_type, " + MEASURES
            + " from unnest($2::uuid[], $3::date[], $4::date[]) as r(model_id, d1, d2)";

    // Short ranges (a heartbeat's overlap): each creator's dirty days through its (model_id, transaction_date) index,
    // whatever the planner estimates for the unnest (its hash join read all 5 million rows for a 3-day recompute).
    private static final String DAILY_INSERT = DAILY_SELECT
            + " cross join lateral (select * from fanvue_transactions t where t.model_id = r.model_id"
            + " and t.transaction_date >= r.d1::timestamp at time zone 'UTC'"
            + " and t.transaction_date < (r.d2 + 1)::timestamp at time zone 'UTC' offset 0) t"
            + " group by t.model_id, 3, t.transaction_type";

    // Long ranges (a backfill): one pass over the rows beats an index range per creator.
    private static final String DAILY_INSERT_ALL = DAILY_SELECT
            + " join fanvue_transactions t on t.model_id = r.model_id"
            + " and t.transaction_date >= r.d1::timestamp at time zone 'UTC'"
            + " and t.transaction_date < (r.d2 + 1)::timestamp at time zone 'UTC'"
            + " group by t.model_id, 3, t.transaction_type";

    private static final String QUARTERS_DELETE = "delete from earnings_quarter_hours q using"
            + " unnest($2::timestamptz[], $3::timestamptz[]) as r(b1, b2)"
            + " where q.agency_id = $1 and q.bucket >= r.b1 and q.bucket < r.b2";

    private static final String QUARTERS_INSERT = "insert into earnings_quarter_hours (agency_id, bucket, source, "
            + Measures.COLUMNS + ") select $1, date_bin('15 minutes', t.transaction_date, timestamptz 'epoch'),"
            + " t.transaction_type, " + MEASURES
            + " from unnest($2::timestamptz[], $3::timestamptz[]) as r(b1, b2)"
            + " join fanvue_transactions t on t.agency_id = $1 and t.transaction_date >= r.b1"
            + " and t.transaction_date < r.b2 group by 2, t.transaction_type";

    private static final String HOURS_DELETE = "delete from earnings_hours h using"
            + " unnest($2::timestamptz[], $3::timestamptz[]) as r(b1, b2)"
            + " where h.agency_id = $1 and h.bucket >= r.b1 and h.bucket < r.b2";

    // From the quarter hours just recomputed (an hour is its four quarters, whatever the source).
    private static final String HOURS_INSERT = "insert into earnings_hours (agency_id, bucket, " + Measures.COLUMNS
            + ") select $1, date_bin('1 hour', q.bucket, timestamptz 'epoch'), " + sums("q.")
            + " from unnest($2::timestamptz[], $3::timestamptz[]) as r(b1, b2)"
            + " join earnings_quarter_hours q on q.agency_id = $1 and q.bucket >= r.b1 and q.bucket < r.b2"
            + " group by 2";

    // Running totals from the earliest recomputed quarter hour on: the source's last total before it plus the sum
    // of the rollup rows since, per source; only rows whose totals change are written.
    private static final String QUARTERS_RUNNING = "update earnings_quarter_hours q set " + assignRunning()
            + " from (select x.source, x.bucket, " + running("x.", "x.source", "x.bucket")
            + " from earnings_quarter_hours x left join lateral (select " + runColumns("")
            + " from earnings_quarter_hours p where p.agency_id = $1 and p.source = x.source and p.bucket < $2"
            + " order by p.bucket desc limit 1) p on true where x.agency_id = $1 and x.bucket >= $2) r"
            + " where q.agency_id = $1 and q.source = r.source and q.bucket = r.bucket and " + changed("q.");

    private static final String HOUR_TOTALS_DELETE =
            "delete from earnings_hour_totals where agency_id = $1 and bucket >= $2";

    // Every source's running totals at each recomputed hour's end, in arrays aligned to the sorted sources (one
    // probe per hour and source into the quarter hours' running totals; the agency's sources by a skip scan).
    private static final String HOUR_TOTALS_INSERT = "with recursive sources(source) as ((select source"
            + " from earnings_quarter_hours where agency_id = $1 order by source limit 1) union all select"
            + " (select q.source from earnings_quarter_hours q where q.agency_id = $1 and q.source > k.source"
            + " order by q.source limit 1) from sources k where k.source is not null)"
            + " insert into earnings_hour_totals (agency_id, bucket, sources, " + runColumns("") + ")"
            + " select $1, hb.bucket, " + arrays()
            + " from earnings_hours hb cross join sources k cross join lateral (select q.source, " + runColumns("q.")
            + " from earnings_quarter_hours q where q.agency_id = $1 and q.source = k.source"
            + " and q.bucket < hb.bucket + interval '1 hour' order by q.bucket desc limit 1) c"
            + " where hb.agency_id = $1 and hb.bucket >= $2 and k.source is not null group by hb.bucket";

    private static final String CREATOR_DAYS_DELETE = "delete from earnings_creator_days c"
            + " using unnest($2::uuid[], $3::date[]) as d(model_id, d1)"
            + " where c.agency_id = $1 and c.model_id = d.model_id and c.day >= d.d1";

    // Per dirty creator, every day from its first dirty day on gets every source the creator has: the running totals
    // before that day (its last earlier row) plus running sums over that grid (a source without rows that day adds a
    // zero row). The daily rows are read from the earliest dirty day on ($4: one range of the (agency_id, day) key).
    private static final String CREATOR_DAYS_INSERT = "with dirty as (select * from unnest($2::uuid[], $3::date[])"
            + " as d(model_id, d1)), base as (select d.model_id, u.* from dirty d cross join lateral (select *"
            + " from earnings_creator_days c where c.agency_id = $1 and c.model_id = d.model_id and c.day < d.d1"
            + " order by c.day desc limit 1) c cross join lateral unnest(c.sources, " + runColumns("c.")
            + ") as u(source, " + Measures.COLUMNS + ")),"
            + " recent as (select e.model_id, e.day, e.source, " + Measures.COLUMNS + " from earnings_daily e"
            + " join dirty d on d.model_id = e.model_id where e.agency_id = $1 and e.day >= $4 and e.day >= d.d1),"
            + " sources as (select model_id, source from recent union select model_id, source from base),"
            + " dense as (select model_id, day, source, " + sums("") + " from (select * from recent"
            + " union all select x.model_id, x.day, s.source, " + String.join(", ", Collections.nCopies(9, "0"))
            + " from (select distinct model_id, day from recent) x join sources s on s.model_id = x.model_id) g"
            + " group by model_id, day, source)"
            + " insert into earnings_creator_days (agency_id, model_id, day, sources, " + runColumns("") + ")"
            + " select $1, c.model_id, c.day, " + arrays() + " from (select k.model_id, k.day, k.source, "
            + Measures.NAMES.stream()
                    .map(n -> "coalesce(b." + n + ", 0) + sum(k." + n + ") over w as run_" + n)
                    .collect(Collectors.joining(", "))
            + " from dense k left join base b on b.model_id = k.model_id and b.source = k.source"
            + " window w as (partition by k.model_id, k.source order by k.day)) c group by c.model_id, c.day";

    private final Pool pool;
    private final RollupLock lock;

    public EarningsRollups(Pool pool, RollupLock lock) {
        this.pool = pool;
        this.lock = lock;
    }

    /** Recomputes what the agency's syncs made dirty; answers how many creators had dirty dates. */
    public Uni<Integer> refresh(UUID agencyId) {
        return pool.withTransaction(connection -> lock.exclusive(connection, agencyId)
                .chain(() -> dirty(connection, agencyId))
                .chain(ranges -> ranges.isEmpty()
                        ? Uni.createFrom().item(0)
                        : recompute(connection, agencyId, ranges).replaceWith(ranges.size())));
    }

    private Uni<List<DirtyRange>> dirty(SqlConnection connection, UUID agencyId) {
        return connection
                .preparedQuery("select model_id, dirty_from, dirty_to from stats_earnings_sync"
                        + " where agency_id = $1 and dirty_from is not null for update")
                .execute(Tuple.of(agencyId))
                .map(rows -> {
                    List<DirtyRange> ranges = new ArrayList<>();
                    for (Row row : rows) {
                        ranges.add(new DirtyRange(
                                row.getUUID("model_id"),
                                SqlTimes.instant(row.getValue("dirty_from")),
                                SqlTimes.instant(row.getValue("dirty_to"))));
                    }
                    return ranges;
                });
    }

    private Uni<Void> recompute(SqlConnection connection, UUID agencyId, List<DirtyRange> ranges) {
        UUID[] models = ranges.stream().map(DirtyRange::modelId).toArray(UUID[]::new);
        LocalDate[] firstDay = ranges.stream().map(r -> day(r.from())).toArray(LocalDate[]::new);
        Tuple days = Tuple.of(
                agencyId,
                models,
                firstDay,
                ranges.stream().map(r -> day(r.to())).toArray(LocalDate[]::new));
        List<Instant[]> quarters = quarterSpans(ranges);
        Tuple buckets = Tuple.of(
                agencyId,
                quarters.stream().map(q -> SqlTimes.utc(q[0])).toArray(OffsetDateTime[]::new),
                quarters.stream().map(q -> SqlTimes.utc(q[1])).toArray(OffsetDateTime[]::new));
        List<Instant[]> hourSpans = spans(quarters, HOUR);
        Tuple hours = Tuple.of(
                agencyId,
                hourSpans.stream().map(q -> SqlTimes.utc(q[0])).toArray(OffsetDateTime[]::new),
                hourSpans.stream().map(q -> SqlTimes.utc(q[1])).toArray(OffsetDateTime[]::new));
        boolean wide =
                ranges.stream().anyMatch(r -> Duration.between(r.from(), r.to()).compareTo(LONG_RANGE) > 0);
        Tuple firstHour = Tuple.of(agencyId, SqlTimes.utc(hourSpans.get(0)[0]));
        Tuple firstDays = Tuple.of(agencyId, models, firstDay);
        Tuple creatorDays = Tuple.of(
                agencyId,
                models,
                firstDay,
                Arrays.stream(firstDay).min(Comparator.naturalOrder()).orElseThrow());
        return connection
                .preparedQuery(DAILY_DELETE)
                .execute(days)
                .chain(() -> connection
                        .preparedQuery(wide ? DAILY_INSERT_ALL : DAILY_INSERT)
                        .execute(days))
                .chain(() -> connection.preparedQuery(QUARTERS_DELETE).execute(buckets))
                .chain(() -> connection.preparedQuery(QUARTERS_INSERT).execute(buckets))
                .chain(() -> connection.preparedQuery(HOURS_DELETE).execute(hours))
                .chain(() -> connection.preparedQuery(HOURS_INSERT).execute(hours))
                .chain(() -> connection
                        .preparedQuery(QUARTERS_RUNNING)
                        .execute(Tuple.of(agencyId, SqlTimes.utc(quarters.get(0)[0]))))
                .chain(() -> connection.preparedQuery(HOUR_TOTALS_DELETE).execute(firstHour))
                .chain(() -> connection.preparedQuery(HOUR_TOTALS_INSERT).execute(firstHour))
                .chain(() -> connection.preparedQuery(CREATOR_DAYS_DELETE).execute(firstDays))
                .chain(() -> connection.preparedQuery(CREATOR_DAYS_INSERT).execute(creatorDays))
                .chain(() -> connection
                        .preparedQuery("update stats_earnings_sync set dirty_from = null, dirty_to = null"
                                + " where model_id = any($1)")
                        .execute(Tuple.of(models)))
                .replaceWithVoid();
    }

    /** The creators' ranges widened to whole quarter hours and merged, so no row is counted twice. */
    static List<Instant[]> quarterSpans(List<DirtyRange> ranges) {
        return spans(ranges.stream().map(r -> new Instant[] {r.from(), r.to()}).toList(), QUARTER);
    }

    /** Spans [from, to] widened to whole units ([floor(from), floor(to) + unit)), sorted and merged. */
    static List<Instant[]> spans(List<Instant[]> ranges, Duration unit) {
        List<Instant[]> spans = ranges.stream()
                .map(r -> new Instant[] {floor(r[0], unit), floor(r[1], unit).plus(unit)})
                .sorted(Comparator.comparing(span -> span[0]))
                .toList();
        List<Instant[]> merged = new ArrayList<>();
        for (Instant[] span : spans) {
            Instant[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !span[0].isAfter(last[1])) {
                last[1] = span[1].isAfter(last[1]) ? span[1] : last[1];
            } else {
                merged.add(new Instant[] {span[0], span[1]});
            }
        }
        return merged;
    }

    private static Instant floor(Instant instant, Duration unit) {
        long seconds = instant.getEpochSecond();
        return Instant.ofEpochSecond(seconds - Math.floorMod(seconds, unit.toSeconds()));
    }

    private static String sums(String alias) {
        return Measures.NAMES.stream()
                .map(n -> "sum(" + alias + n + ") as " + n)
                .collect(Collectors.joining(", "));
    }

    private static String runColumns(String alias) {
        return Measures.NAMES.stream().map(n -> alias + "run_" + n).collect(Collectors.joining(", "));
    }

    /** Per measure {@code n}: the base before the recomputed part plus the running sum since, as {@code n}. */
    private static String running(String alias, String partition, String order) {
        return Measures.NAMES.stream()
                .map(n -> "coalesce(p.run_" + n + ", 0) + sum(" + alias + n + ") over (partition by " + partition
                        + " order by " + order + ") as " + n)
                .collect(Collectors.joining(", "));
    }

    /** The sorted sources of {@code c} and each running total in their order, as arrays. */
    private static String arrays() {
        return "array_agg(c.source order by c.source) as sources, "
                + Measures.NAMES.stream()
                        .map(n -> "array_agg(c.run_" + n + " order by c.source) as " + n)
                        .collect(Collectors.joining(", "));
    }

    private static String assignRunning() {
        return Measures.NAMES.stream().map(n -> "run_" + n + " = r." + n).collect(Collectors.joining(", "));
    }

    private static String changed(String alias) {
        return "(" + runColumns(alias) + ") is distinct from ("
                + Measures.NAMES.stream().map(n -> "r." + n).collect(Collectors.joining(", ")) + ")";
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /**
     * Dates a creator's syncs wrote since the last recompute.
     *
     * @param modelId the creator
     * @param from the earliest transaction date written
     * @param to the latest
     */
    record DirtyRange(UUID modelId, Instant from, Instant to) {}
}
