package com.onyxos.common.fanvue.model;

import java.time.Instant;

/** A profile with its account block, from {@code GET /users/account} or {@code /creators/{c}/account}. */
public record FanvueAccount(String uuid, String handle, String displayName, Account account) {

    /** Account state; money in USD cents. */
    public record Account(String status, Earnings earnings, Fans fans) {}

    /** Lifetime earnings, the balance not yet paid out, and the last payout. */
    public record Earnings(Long total, Long availableBalance, Instant lastPayoutAt) {}

    /** Fan counts. */
    public record Fans(Long followers, Long subscribers) {}
}
