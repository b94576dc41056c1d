package com.onyxos.stats.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Writes a batch of one creator's earnings rows in one statement and widens the creator's dirty range (the dates the
 * rollups must recompute) by the rows it wrote. A batch whose dates hold no row of the creator yet (a first sync, a
 * backfill) is a plain insert; any other is an upsert keyed by (creator, date, dedup key) that writes only rows that
 * are new or changed, so an unchanged re-sync writes nothing. The batch transaction holds the agency's rollup lock in
 * shared mode, so a rollup recompute never runs beside a write.
 */
@ApplicationScoped
public class EarningsWriter {

    private static final String COLUMNS = "id, agency_id, model_id, transaction_order_id, dedup_key,"
            + " transaction_type, transaction_status, entry_kind, transaction_date, gross_amount, net_amount, currency,"
            + " fan_id, fan_handle, message_uuid, post_uuid";

    private static final String ROWS = " select i, $1, $2, o, k, s, st, kd, d, g, n, c, f, fh, mu, pu from"
            + " unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[],"
            + " $10::bigint[], $11::bigint[], $12::text[], $13::uuid[], $14::text[], $15::uuid[], $16::uuid[])"
            + " as t(i, o, k, s, st, kd, d, g, n, c, f, fh, mu, pu)";

    /**
     * Inserts every row when the creator has none dated within the batch's span ($17..$18), else nothing: no row can
     * conflict, so the insert skips ON CONFLICT's speculative insertion (an extra index probe, lock and WAL record
     * per row). A writer that inserts the same key meanwhile makes this one fail on the unique index (23505): the
     * batch is then written again by {@link #UPSERT}.
     */
    private static final String INSERT_NEW = "with written as (insert into fanvue_transactions (" + COLUMNS + ")"
            + ROWS
            + " where not exists (select 1 from fanvue_transactions x where x.model_id = $2"
            + " and x.transaction_date between $17 and $18) returning 1),"
            + " dirty as (update stats_earnings_sync s set dirty_from = least(s.dirty_from, $17),"
            + " dirty_to = greatest(s.dirty_to, $18) where s.model_id = $2 and exists (select from written))"
            + " select count(*) from written";

    private static final String UPSERT = "with written as (insert into fanvue_transactions (" + COLUMNS + ")"
            + ROWS
            + " on conflict (model_id, transaction_date, dedup_key) do update set"
            + " transaction_order_id = excluded.transaction_order_id, transaction_status = excluded.transaction_status,"
            + " entry_kind = excluded.entry_kind, gross_amount = excluded.gross_amount,"
            + " net_amount = excluded.net_amount, currency = excluded.currency, fan_id = excluded.fan_id,"
            + " fan_handle = excluded.fan_handle, message_uuid = excluded.message_uuid,"
            + " post_uuid = excluded.post_uuid, updated_at = now()"
            + " where (fanvue_transactions.transaction_order_id, fanvue_transactions.transaction_status,"
            + " fanvue_transactions.entry_kind, fanvue_transactions.gross_amount, fanvue_transactions.net_amount,"
            + " fanvue_transactions.currency, fanvue_transactions.fan_id, fanvue_transactions.fan_handle,"
            + " fanvue_transactions.message_uuid, fanvue_transactions.post_uuid)"
            + " is distinct from (excluded.transaction_order_id, excluded.transaction_status, excluded.entry_kind,"
            + " excluded.gross_amount, excluded.net_amount, excluded.currency, excluded.fan_id, excluded.fan_handle,"
            + " excluded.message_uuid, excluded.post_uuid)"
            + " returning transaction_date),"
            + " span as (select min(transaction_date) lo, max(transaction_date) hi, count(*) n from written),"
            + " dirty as (update stats_earnings_sync s set dirty_from = least(s.dirty_from, span.lo),"
            + " dirty_to = greatest(s.dirty_to, span.hi) from span where s.model_id = $2 and span.n > 0)"
            + " select n from span";

    /**
     * A batch commits without waiting for its WAL to reach disk. Safe because nothing durable depends on a batch
     * alone: a batch lost in a server crash loses its rows and its dirty-range widening together (one transaction),
     * and the creator's high-water mark, which alone lets a later pass skip those dates, moves in a synchronous
     * commit issued after every batch of the pass committed ({@link EarningsSyncState#succeeded}). WAL is flushed in
     * order, so that commit reaching disk (or a synchronous replica) makes every earlier batch durable first; a crash
     * before it leaves the mark where it was, and the next pass reads the window again (idempotent by the key).
     */
    private static final String ASYNC_COMMIT = "set local synchronous_commit = off";

    private final Pool pool;
    private final RollupLock lock;

    public EarningsWriter(Pool pool, RollupLock lock) {
        this.pool = pool;
        this.lock = lock;
    }

    /** Writes the rows (their dedup keys unique within the batch); answers how many were new or changed. */
    public Uni<Integer> write(UUID agencyId, UUID modelId, List<TransactionRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Object> params = params(agencyId, modelId, rows);
        return pool.withTransaction(connection -> begin(connection, agencyId)
                        .chain(() -> insertNew(connection, params, rows))
                        .chain(inserted -> inserted > 0 ? Uni.createFrom().item(inserted) : upsert(connection, params)))
                .onFailure(EarningsWriter::insertedMeanwhile)
                .recoverWithUni(() -> pool.withTransaction(
                        connection -> begin(connection, agencyId).chain(() -> upsert(connection, params))));
    }

    private Uni<Void> begin(SqlConnection connection, UUID agencyId) {
        return connection.query(ASYNC_COMMIT).execute().chain(() -> lock.shared(connection, agencyId));
    }

    private static Uni<Integer> insertNew(SqlConnection connection, List<Object> params, List<TransactionRow> rows) {
        Instant lo = rows.get(0).date();
        Instant hi = lo;
        for (TransactionRow row : rows) {
            lo = row.date().isBefore(lo) ? row.date() : lo;
            hi = row.date().isAfter(hi) ? row.date() : hi;
        }
        List<Object> withSpan = new ArrayList<>(params);
        withSpan.add(SqlTimes.utc(lo));
        withSpan.add(SqlTimes.utc(hi));
        return connection
                .preparedQuery(INSERT_NEW)
                .execute(Tuple.tuple(withSpan))
                .map(EarningsWriter::count);
    }

    private static Uni<Integer> upsert(SqlConnection connection, List<Object> params) {
        return connection.preparedQuery(UPSERT).execute(Tuple.tuple(params)).map(EarningsWriter::count);
    }

    private static int count(RowSet<Row> result) {
        return result.iterator().next().getLong(0).intValue();
    }

    /** A concurrent writer inserted one of the batch's keys after the plain insert found the span empty. */
    private static boolean insertedMeanwhile(Throwable failure) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState());
    }

    /** $1..$16 of both statements: the agency, the creator and one array per column. */
    private static List<Object> params(UUID agencyId, UUID modelId, List<TransactionRow> rows) {
        return List.of(
                agencyId,
                modelId,
                column(rows, TransactionRow::id, UUID[]::new),
                column(rows, TransactionRow::orderId, String[]::new),
                column(rows, TransactionRow::dedupKey, String[]::new),
                column(rows, TransactionRow::source, String[]::new),
                column(rows, TransactionRow::status, String[]::new),
                column(rows, TransactionRow::kind, String[]::new),
                column(rows, row -> SqlTimes.utc(row.date()), OffsetDateTime[]::new),
                column(rows, TransactionRow::gross, Long[]::new),
                column(rows, TransactionRow::net, Long[]::new),
                column(rows, TransactionRow::currency, String[]::new),
                column(rows, TransactionRow::fanId, UUID[]::new),
                column(rows, TransactionRow::fanHandle, String[]::new),
                column(rows, TransactionRow::messageUuid, UUID[]::new),
                column(rows, TransactionRow::postUuid, UUID[]::new));
    }

    private static <T> T[] column(List<TransactionRow> rows, Function<TransactionRow, ?> get, IntFunction<T[]> array) {
        T[] values = array.apply(rows.size());
        for (int i = 0; i < values.length; i++) {
            @SuppressWarnings("unchecked")
            T value = (T) get.apply(rows.get(i));
            values[i] = value;
        }
        return values;
    }
}
