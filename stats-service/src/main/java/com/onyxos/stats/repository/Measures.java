package com.onyxos.stats.repository;

import io.vertx.mutiny.sqlclient.Row;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Earnings summed over some rows, sales, refunds and chargebacks apart (refund and chargeback amounts are negative,
 * as Fanvue sends them); money in minor units.
 *
 * @param salesGross gross of the sales
 * @param salesNet net of the sales
 * @param sales how many sales
 * @param refundGross gross of the refunds (negative)
 * @param refundNet net of the refunds (negative)
 * @param refunds how many refunds
 * @param chargebackGross gross of the chargebacks (negative)
 * @param chargebackNet net of the chargebacks (negative)
 * @param chargebacks how many chargebacks
 */
public record Measures(
        long salesGross,
        long salesNet,
        long sales,
        long refundGross,
        long refundNet,
        long refunds,
        long chargebackGross,
        long chargebackNet,
        long chargebacks) {

    public static final Measures ZERO = new Measures(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The SQL that sums them, over columns named as the rollups name them. */
    static final String SUMS = "sum(sales_gross)::bigint as sales_gross, sum(sales_net)::bigint as sales_net,"
            + " sum(sales_count)::bigint as sales_count, sum(refund_gross)::bigint as refund_gross,"
            + " sum(refund_net)::bigint as refund_net, sum(refund_count)::bigint as refund_count,"
            + " sum(chargeback_gross)::bigint as chargeback_gross, sum(chargeback_net)::bigint as chargeback_net,"
            + " sum(chargeback_count)::bigint as chargeback_count";

    /** One transaction row ({@code t}) as the rollups' columns. */
    static final String OF_ROW = "case when t.entry_kind = 'sale' then t.gross_amount else 0 end as sales_gross,"
            + " case when t.entry_kind = 'sale' then t.net_amount else 0 end as sales_net,"
            + " (t.entry_kind = 'sale')::int as sales_count,"
            + " case when t.entry_kind = 'refund' then t.gross_amount else 0 end as refund_gross,"
            + " case when t.entry_kind = 'refund' then t.net_amount else 0 end as refund_net,"
            + " (t.entry_kind = 'refund')::int as refund_count,"
            + " case when t.entry_kind = 'chargeback' then t.gross_amount else 0 end as chargeback_gross,"
            + " case when t.entry_kind = 'chargeback' then t.net_amount else 0 end as chargeback_net,"
            + " (t.entry_kind = 'chargeback')::int as chargeback_count";

    /** A rollup's measure columns. */
    static final String COLUMNS = "sales_gross, sales_net, sales_count, refund_gross, refund_net, refund_count,"
            + " chargeback_gross, chargeback_net, chargeback_count";

    /** The measure columns' names, in {@link #COLUMNS}' order. */
    static final List<String> NAMES = List.of(COLUMNS.split(", *"));

    /** A rollup's running-total columns ({@code run_<measure>}) named as the measures, so {@link #of} reads them. */
    static final String RUNNING =
            NAMES.stream().map(n -> "run_" + n + " as " + n).collect(Collectors.joining(", "));

    static Measures of(Row row) {
        return new Measures(
                row.getLong("sales_gross"),
                row.getLong("sales_net"),
                row.getLong("sales_count"),
                row.getLong("refund_gross"),
                row.getLong("refund_net"),
                row.getLong("refund_count"),
                row.getLong("chargeback_gross"),
                row.getLong("chargeback_net"),
                row.getLong("chargeback_count"));
    }

    /** Gross with refunds and chargebacks netted. */
    public long gross() {
        return salesGross + refundGross + chargebackGross;
    }

    /** Net with refunds and chargebacks netted. */
    public long net() {
        return salesNet + refundNet + chargebackNet;
    }

    public long rows() {
        return sales + refunds + chargebacks;
    }

    public Measures minus(Measures other) {
        return plus(other.times(-1));
    }

    /** Each sum times {@code factor} (1 or -1: a term added or taken away). */
    public Measures times(long factor) {
        return new Measures(
                salesGross * factor,
                salesNet * factor,
                sales * factor,
                refundGross * factor,
                refundNet * factor,
                refunds * factor,
                chargebackGross * factor,
                chargebackNet * factor,
                chargebacks * factor);
    }

    public Measures plus(Measures other) {
        return new Measures(
                salesGross + other.salesGross,
                salesNet + other.salesNet,
                sales + other.sales,
                refundGross + other.refundGross,
                refundNet + other.refundNet,
                refunds + other.refunds,
                chargebackGross + other.chargebackGross,
                chargebackNet + other.chargebackNet,
                chargebacks + other.chargebacks);
    }
}
