package com.onyxos.simulator.api.view;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.SimUser;
import java.time.Instant;

/** {@code GET /users/account}: the profile plus the account block, money in USD cents. */
public record AccountView(
        String uuid,
        String email,
        String handle,
        String displayName,
        @JsonProperty("isCreator") boolean isCreator,
        Instant createdAt,
        String avatarUrl,
        Account account) {

    /** Account status, money and audience. */
    public record Account(String status, Earnings earnings, Fans fans) {}

    /** {@code total} is the sum of every earnings row's net. */
    public record Earnings(long total, long availableBalance, Instant lastPayoutAt) {}

    /** Audience sizes. */
    public record Fans(int followers, int subscribers) {}

    public static AccountView of(SimUser user, AccountData data) {
        return new AccountView(
                user.uuid(),
                user.email(),
                user.handle(),
                user.displayName(),
                user.isCreator(),
                user.createdAt(),
                user.avatarUrl(),
                new Account(
                        data.status().status(),
                        new Earnings(
                                data.earningsTotal(),
                                data.status().availableBalance(),
                                data.status().lastPayoutAt()),
                        new Fans(
                                data.followerUuids().size(),
                                data.subscriberUuids().size())));
    }
}
