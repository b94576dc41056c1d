package com.onyxos.stats.repository;

import java.time.Instant;
import java.util.UUID;

/**
 * One synced earnings row as the API shows it (money in minor units).
 *
 * @param id the row
 * @param creatorId its creator
 * @param date when it happened
 * @param source Fanvue's earnings source
 * @param kind sale, refund or chargeback
 * @param status Fanvue's order status
 * @param transactionOrderId Fanvue's order (a refund or chargeback repeats its original's)
 * @param gross gross amount, negative for refunds and chargebacks
 * @param net net amount
 * @param currency ISO currency, null when Fanvue gives none
 * @param fanUuid the paying fan, null when none
 * @param fanHandle the fan's handle
 * @param messageUuid the message bought
 * @param postUuid the post bought or tipped
 */
public record EarningItem(
        UUID id,
        UUID creatorId,
        Instant date,
        String source,
        String kind,
        String status,
        String transactionOrderId,
        long gross,
        long net,
        String currency,
        UUID fanUuid,
        String fanHandle,
        UUID messageUuid,
        UUID postUuid) {}
