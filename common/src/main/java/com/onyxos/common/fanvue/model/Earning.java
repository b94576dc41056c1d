package com.onyxos.common.fanvue.model;

import java.time.Instant;

/**
 * One earnings row from {@code GET /insights/earnings}: gross and net in USD cents (negative for refunds and
 * chargebacks), {@code source} an open enum, {@code user} null for some sources.
 */
public record Earning(
        Instant date,
        long gross,
        long net,
        String currency,
        String source,
        FanvueFan user,
        String transactionOrderId,
        String transactionOrderStatus,
        String messageUuid,
        String postUuid) {}
