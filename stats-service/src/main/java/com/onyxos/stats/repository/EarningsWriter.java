package com.onyxos.stats.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes a batch of one creator's earnings rows in one statement: an upsert keyed by (creator, date, dedup key) that
 * writes only rows that are new or changed (an unchanged re-sync writes nothing), and widens the creator's dirty
 * range (the dates the rollups must recompute) by the rows it wrote. The batch transaction holds the agency's
 * rollup lock in shared mode, so a rollup recompute never runs beside a write.
 */
@ApplicationScoped
public class EarningsWriter {

    private static final String UPSERT = "with written as (insert into fanvue_transactions (id, agency_id, model_id,"
            + " transaction_order_id, dedup_key, transaction_type, transaction_status, entry_kind, transaction_date,"
            + " gross_amount, net_amount, currency, fan_id, fan_handle, message_uuid, post_uuid)"
            + " select i, $1, $2, o, k, s, st, kd, d, g, n, c, f, fh, mu, pu from unnest($3::uuid[], $4::text[],"
            + " $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::bigint[], $11::bigint[],"
            + " $12::text[], $13::uuid[], $14::text[], $15::uuid[], $16::uuid[])"
            + " as t(i, o, k, s, st, kd, d, g, n, c, f, fh, mu, pu)"
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
        return pool.withTransaction(connection ->
                lock.shared(connection, agencyId).chain(() -> upsert(connection, agencyId, modelId, rows)));
    }

    private static Uni<Integer> upsert(
            SqlConnection connection, UUID agencyId, UUID modelId, List<TransactionRow> rows) {
        Tuple params = Tuple.tuple()
                .addValue(agencyId)
                .addValue(modelId)
                .addValue(column(rows, TransactionRow::id, UUID[]::new))
                .addValue(column(rows, TransactionRow::orderId, String[]::new))
                .addValue(column(rows, TransactionRow::dedupKey, String[]::new))
                .addValue(column(rows, TransactionRow::source, String[]::new))
                .addValue(column(rows, TransactionRow::status, String[]::new))
                .addValue(column(rows, TransactionRow::kind, String[]::new))
                .addValue(column(rows, row -> SqlTimes.utc(row.date()), OffsetDateTime[]::new))
                .addValue(column(rows, TransactionRow::gross, Long[]::new))
                .addValue(column(rows, TransactionRow::net, Long[]::new))
                .addValue(column(rows, TransactionRow::currency, String[]::new))
                .addValue(column(rows, TransactionRow::fanId, UUID[]::new))
                .addValue(column(rows, TransactionRow::fanHandle, String[]::new))
                .addValue(column(rows, TransactionRow::messageUuid, UUID[]::new))
                .addValue(column(rows, TransactionRow::postUuid, UUID[]::new));
        return connection
                .preparedQuery(UPSERT)
                .execute(params)
                .map(result -> result.iterator().next().getLong(0).intValue());
    }

    private static <T> T[] column(
            List<TransactionRow> rows, Function<TransactionRow, ?> get, java.util.function.IntFunction<T[]> array) {
        T[] values = array.apply(rows.size());
        for (int i = 0; i < values.length; i++) {
            @SuppressWarnings("unchecked")
            T value = (T) get.apply(rows.get(i));
            values[i] = value;
        }
        return values;
    }
}
