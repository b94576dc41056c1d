package com.onyxos.common.fanvue.model;

import java.time.Instant;

/**
 * One earnings row from {@code GET /insights/earnings}: gross and net in USD cents (negative for refunds and
 * chargebacks, which repeat the original's {@code transactionOrderId}), {@code source} an open enum, {@code user} and
 * {@code currency} null for some sources. Amounts are boxed: a row that lacks one is malformed (see
 * {@link #complete()}), never read as 0.
 */
public record Earning(
        Instant date,
        Long gross,
        Long net,
        String currency,
        String source,
        FanvueFan user,
        String transactionOrderId,
        String transactionOrderStatus,
        String messageUuid,
        String postUuid) {

    /** Whether the row carries what identifies and prices it: date, gross, net, source and order id. */
    public boolean complete() {
        return date != null && gross != null && net != null && source != null && transactionOrderId != null;
    }
}
