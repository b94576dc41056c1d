package com.onyxos.simulator.control;

import java.time.Instant;

/**
 * An earnings row to add (USD cents). Defaults: {@code net} 80 % of gross, {@code date} the world's now, status
 * {@code completed}, a fresh order id (pass the original's to add a refund or chargeback).
 */
public record NewEarning(
        String source,
        long gross,
        Long net,
        Instant date,
        String fanUuid,
        String messageUuid,
        String postUuid,
        String transactionOrderId,
        String transactionOrderStatus) {

    public static NewEarning of(String source, long gross) {
        return new NewEarning(source, gross, null, null, null, null, null, null, null);
    }
}
