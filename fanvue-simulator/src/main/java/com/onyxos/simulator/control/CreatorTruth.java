package com.onyxos.simulator.control;

import java.util.Map;

/**
 * Ground truth for one creator, to check what the services compute. Per media: {@code timesSent} (creator messages
 * carrying it), {@code timesUnlocked} (those purchased) and {@code revenue}: the gross of the {@code message} earnings
 * rows of those messages (refunds and chargebacks included), each row split evenly across the message's media in
 * integer cents, the remainder going to the first media in the message's list.
 */
public record CreatorTruth(String creatorUuid, Map<String, MediaTruth> media, EarningsTruth earnings) {

    /** One media item's use in messages and the revenue it earned (USD cents). */
    public record MediaTruth(int timesSent, int timesUnlocked, long revenue) {}

    /**
     * Earnings totals in USD cents over every row (or the rows of the window asked for), refunds and chargebacks
     * included as the negative rows they are; over every row {@code net} equals the account's {@code earnings.total}.
     */
    public record EarningsTruth(
            long gross,
            long net,
            int rows,
            int refunds,
            int chargebacks,
            Map<String, Long> netBySource,
            Map<String, Long> grossBySource) {}
}
