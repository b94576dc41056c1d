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
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Recomputes an agency's earnings rollups ({@code earnings_daily} per creator, UTC day and source;
 * {@code earnings_quarter_hours} per agency, quarter hour and source) for the dates its creators' syncs wrote since
 * the last recompute. Always recomputed from the rows, never incremented, so a recompute after anything (a crash, a
 * re-sync, a status change) converges. Runs under the agency's rollup lock, exclusive.
 */
@ApplicationScoped
public class EarningsRollups {

    private static final Duration QUARTER = Duration.ofMinutes(15);

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

    private static final String DAILY_INSERT = "insert into earnings_daily (agency_id, model_id, day, source, "
            + Measures.COLUMNS + ") select $1, t.model_id, (t.transaction_date at time zone 'UTC')::date,"
            + " t.transaction_type, " + MEASURES
            + " from unnest($2::uuid[], $3::date[], $4::date[]) as r(model_id, d1, d2)"
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
        Tuple days = Tuple.of(
                agencyId,
                ranges.stream().map(DirtyRange::modelId).toArray(UUID[]::new),
                ranges.stream().map(r -> day(r.from())).toArray(LocalDate[]::new),
                ranges.stream().map(r -> day(r.to())).toArray(LocalDate[]::new));
        List<Instant[]> quarters = quarterSpans(ranges);
        Tuple buckets = Tuple.of(
                agencyId,
                quarters.stream().map(q -> SqlTimes.utc(q[0])).toArray(OffsetDateTime[]::new),
                quarters.stream().map(q -> SqlTimes.utc(q[1])).toArray(OffsetDateTime[]::new));
        return connection
                .preparedQuery(DAILY_DELETE)
                .execute(days)
                .chain(() -> connection.preparedQuery(DAILY_INSERT).execute(days))
                .chain(() -> connection.preparedQuery(QUARTERS_DELETE).execute(buckets))
                .chain(() -> connection.preparedQuery(QUARTERS_INSERT).execute(buckets))
                .chain(() -> connection
                        .preparedQuery("update stats_earnings_sync set dirty_from = null, dirty_to = null"
                                + " where model_id = any($1)")
                        .execute(Tuple.of(
                                ranges.stream().map(DirtyRange::modelId).toArray(UUID[]::new))))
                .replaceWithVoid();
    }

    /** The creators' ranges widened to whole quarter hours and merged, so no row is counted twice. */
    static List<Instant[]> quarterSpans(List<DirtyRange> ranges) {
        List<Instant[]> spans = ranges.stream()
                .map(r -> new Instant[] {
                    floorQuarter(r.from()), floorQuarter(r.to()).plus(QUARTER)
                })
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

    private static Instant floorQuarter(Instant instant) {
        long seconds = instant.getEpochSecond();
        return Instant.ofEpochSecond(seconds - Math.floorMod(seconds, QUARTER.toSeconds()));
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
