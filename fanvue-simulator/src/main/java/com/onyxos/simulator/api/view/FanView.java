package com.onyxos.simulator.api.view;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.SimUser;
import java.time.Instant;

/** Fanvue's Fan object; {@code isTopSpender} is relative to the creator whose data is read. */
public record FanView(
        String uuid,
        String handle,
        String displayName,
        String nickname,
        @JsonProperty("isTopSpender") boolean isTopSpender,
        String avatarUrl,
        Instant registeredAt) {

    public static FanView of(SimUser user, AccountData creator) {
        return new FanView(
                user.uuid(),
                user.handle(),
                user.displayName(),
                user.nickname(),
                creator.topSpenders().contains(user.uuid()),
                user.avatarUrl(),
                user.createdAt());
    }
}
