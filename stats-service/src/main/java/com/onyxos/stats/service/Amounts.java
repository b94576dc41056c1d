package com.onyxos.stats.service;

import com.onyxos.stats.repository.Measures;

/**
 * Earnings of some rows, both ways: {@code gross}/{@code net} with refunds and chargebacks netted (they are negative
 * rows), {@code salesGross}/{@code salesNet} before them, and the refunds and chargebacks themselves (negative).
 * Minor units (USD cents).
 *
 * @param gross gross, refunds and chargebacks netted
 * @param net net, refunds and chargebacks netted
 * @param salesGross gross of the sales alone
 * @param salesNet net of the sales alone
 * @param refundGross refunds, gross (negative or 0)
 * @param refundNet refunds, net
 * @param chargebackGross chargebacks, gross (negative or 0)
 * @param chargebackNet chargebacks, net
 * @param sales number of sales
 * @param refunds number of refunds
 * @param chargebacks number of chargebacks
 */
public record Amounts(
        long gross,
        long net,
        long salesGross,
        long salesNet,
        long refundGross,
        long refundNet,
        long chargebackGross,
        long chargebackNet,
        long sales,
        long refunds,
        long chargebacks) {

    public static Amounts of(Measures m) {
        return new Amounts(
                m.gross(),
                m.net(),
                m.salesGross(),
                m.salesNet(),
                m.refundGross(),
                m.refundNet(),
                m.chargebackGross(),
                m.chargebackNet(),
                m.sales(),
                m.refunds(),
                m.chargebacks());
    }
}
