package com.onyxos.simulator.world;

import java.time.Instant;

/**
 * One earnings row. Refunds and chargebacks are negative rows that repeat the original's
 * {@code transactionOrderId}. {@code trackingLinkUuid} is internal: it attributes the row to a tracking link.
 */
public record Earning(
        Instant date,
        long gross,
        long net,
        String currency,
        String source,
        String fanUuid,
        String transactionOrderId,
        String transactionOrderStatus,
        String messageUuid,
        String postUuid,
        String trackingLinkUuid) {}
