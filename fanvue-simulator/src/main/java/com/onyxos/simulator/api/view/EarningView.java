package com.onyxos.simulator.api.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.Earning;
import com.onyxos.simulator.world.World;
import java.time.Instant;

/** An earnings row (USD cents); {@code messageUuid}/{@code postUuid} only on rows tied to one. */
public record EarningView(
        Instant date,
        long gross,
        long net,
        String currency,
        String source,
        User user,
        String transactionOrderId,
        String transactionOrderStatus,
        @JsonInclude(JsonInclude.Include.NON_NULL) String messageUuid,
        @JsonInclude(JsonInclude.Include.NON_NULL) String postUuid) {

    /** The paying fan. */
    public record User(
            String uuid,
            String handle,
            String displayName,
            String nickname,
            @JsonProperty("isTopSpender") boolean isTopSpender) {}

    public static EarningView of(Earning e, World world, AccountData creator) {
        User user = e.fanUuid() == null
                ? null
                : world.user(e.fanUuid())
                        .map(u -> new User(
                                u.uuid(),
                                u.handle(),
                                u.displayName(),
                                u.nickname(),
                                creator.topSpenders().contains(u.uuid())))
                        .orElse(null);
        return new EarningView(
                e.date(),
                e.gross(),
                e.net(),
                e.currency(),
                e.source(),
                user,
                e.transactionOrderId(),
                e.transactionOrderStatus(),
                e.messageUuid(),
                e.postUuid());
    }
}
