package com.onyxos.stats.repository;

import java.time.Instant;
import java.util.UUID;

/**
 * One earnings row as {@code fanvue_transactions} keeps it (money in minor units).
 *
 * @param id a time-ordered id for a new row (ignored when the row exists)
 * @param orderId Fanvue's {@code transactionOrderId}, shared by an order's sale and its refunds or chargebacks
 * @param dedupKey the row's identity within the creator and date
 * @param source Fanvue's earnings source (open text)
 * @param status Fanvue's {@code transactionOrderStatus}
 * @param kind sale, refund or chargeback
 * @param date when it happened (microsecond precision, as stored)
 * @param gross gross amount, negative for refunds and chargebacks
 * @param net net amount
 * @param currency ISO currency, null when Fanvue gives none
 * @param fanId the paying fan, null when none
 * @param fanHandle the fan's handle
 * @param messageUuid the message bought, if any
 * @param postUuid the post bought or tipped, if any
 */
public record TransactionRow(
        UUID id,
        String orderId,
        String dedupKey,
        String source,
        String status,
        String kind,
        Instant date,
        long gross,
        long net,
        String currency,
        UUID fanId,
        String fanHandle,
        UUID messageUuid,
        UUID postUuid) {}
