package com.onyxos.common.fanvue.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A fan (subscriber, follower, spender, earning's payer). */
public record FanvueFan(
        String uuid,
        String handle,
        String displayName,
        String nickname,
        @JsonProperty("isTopSpender") Boolean isTopSpender,
        String avatarUrl,
        Instant registeredAt) {}
