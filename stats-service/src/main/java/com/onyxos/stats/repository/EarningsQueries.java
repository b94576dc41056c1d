package com.onyxos.stats.repository;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads synced earnings rows: keyset pages newest first, a cursor-backed stream oldest first (the CSV export, constant
 * memory whatever the size), and a creator's synced totals. Queries are built per filter combination, so each is
 * planned for the index that fits it ({@code (agency_id, transaction_date, id)} or, for one creator,
 * {@code (model_id, transaction_date, dedup_key)}).
 */
@ApplicationScoped
public class EarningsQueries {

    private static final String COLUMNS = "t.id, t.model_id, t.transaction_date, t.transaction_type, t.entry_kind,"
            + " t.transaction_status, t.transaction_order_id, t.gross_amount, t.net_amount, t.currency, t.fan_id,"
            + " t.fan_handle, t.message_uuid, t.post_uuid";

    private final Pool pool;

    public EarningsQueries(Pool pool) {
        this.pool = pool;
    }

    /** Up to {@code limit} rows newest first, after {@code after} (null: from the newest). */
    public Uni<List<EarningItem>> page(EarningsFilter filter, KeysetCursor after, int limit) {
        Tuple params = Tuple.tuple();
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from fanvue_transactions t where ");
        where(sql, params, filter);
        if (after != null) {
            params.addValue(SqlTimes.utc(after.date())).addValue(after.id());
            int date = params.size() - 1;
            sql.append(" and t.transaction_date <= $")
                    .append(date)
                    .append(" and (t.transaction_date, t.id) < ($")
                    .append(date)
                    .append(", $")
                    .append(date + 1)
                    .append(')');
        }
        params.addValue(limit);
        sql.append(" order by t.transaction_date desc, t.id desc limit $").append(params.size());
        return pool.preparedQuery(sql.toString()).execute(params).map(rows -> {
            List<EarningItem> items = new ArrayList<>(rows.size());
            rows.forEach(row -> items.add(item(row)));
            return items;
        });
    }

    /**
     * Every matching row oldest first, read through a server-side cursor {@code fetch} rows at a time and only as
     * fast as the subscriber asks: the connection (and its read-only transaction) is held while the stream runs and
     * released when it ends, fails or is cancelled.
     */
    public Multi<EarningItem> stream(EarningsFilter filter, int fetch) {
        Tuple params = Tuple.tuple();
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from fanvue_transactions t where ");
        where(sql, params, filter);
        sql.append(" order by t.transaction_date, t.id");
        return Multi.createFrom()
                .resourceFromUni(
                        () -> pool.getConnection()
                                .chain(connection -> connection.begin().map(tx -> new Cursor(connection, tx))),
                        cursor -> cursor.connection()
                                .prepare(sql.toString())
                                .onItem()
                                .transformToMulti(statement ->
                                        statement.createStream(fetch, params).toMulti())
                                .map(EarningsQueries::item))
                .withFinalizer(Cursor::close);
    }

    /** The creator's synced totals and how much of its history they cover; null before a complete pass. */
    public Uni<SyncedTotals> syncedTotals(UUID modelId) {
        return pool.preparedQuery("select s.covered_from, coalesce(sum(t.gross_amount), 0)::bigint as gross,"
                        + " coalesce(sum(t.net_amount), 0)::bigint as net, count(t.id)::bigint as rows"
                        + " from stats_earnings_sync s"
                        + " left join fanvue_transactions t on t.model_id = s.model_id"
                        + " where s.model_id = $1 and s.backfilled group by s.covered_from")
                .execute(Tuple.of(modelId))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new SyncedTotals(
                            row.getLong("gross"),
                            row.getLong("net"),
                            row.getLong("rows"),
                            SqlTimes.instant(row.getValue("covered_from")));
                });
    }

    private static void where(StringBuilder sql, Tuple params, EarningsFilter filter) {
        params.addValue(filter.agencyId());
        sql.append("t.agency_id = $1");
        if (filter.creatorId() != null) {
            params.addValue(filter.creatorId());
            sql.append(" and t.model_id = $").append(params.size());
        }
        if (filter.source() != null) {
            params.addValue(filter.source());
            sql.append(" and t.transaction_type = $").append(params.size());
        }
        if (filter.from() != null) {
            params.addValue(SqlTimes.utc(filter.from()));
            sql.append(" and t.transaction_date >= $").append(params.size());
        }
        if (filter.to() != null) {
            params.addValue(SqlTimes.utc(filter.to()));
            sql.append(" and t.transaction_date < $").append(params.size());
        }
    }

    private static EarningItem item(Row row) {
        return new EarningItem(
                row.getUUID("id"),
                row.getUUID("model_id"),
                SqlTimes.instant(row.getValue("transaction_date")),
                row.getString("transaction_type"),
                row.getString("entry_kind"),
                row.getString("transaction_status"),
                row.getString("transaction_order_id"),
                row.getLong("gross_amount"),
                row.getLong("net_amount"),
                row.getString("currency"),
                row.getUUID("fan_id"),
                row.getString("fan_handle"),
                row.getUUID("message_uuid"),
                row.getUUID("post_uuid"));
    }

    /** A connection holding the read-only transaction a cursor needs. */
    private record Cursor(SqlConnection connection, Transaction tx) {
        Uni<Void> close() {
            return tx.rollback().onFailure().recoverWithNull().eventually(connection::close);
        }
    }

    /**
     * Where a keyset page starts: after the row with this date and id.
     *
     * @param date the last row's date
     * @param id the last row's id
     */
    public record KeysetCursor(Instant date, UUID id) {}

    /**
     * A creator's synced earnings.
     *
     * @param gross the rows' gross, refunds and chargebacks included
     * @param net the rows' net
     * @param rows how many rows
     * @param coveredFrom where the synced history starts; null: the creator's whole history
     */
    public record SyncedTotals(long gross, long net, long rows, Instant coveredFrom) {}
}
