package com.onyxos.common.fanvue.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A creator the connected agency manages, from {@code GET /creators}. */
public record FanvueCreator(
        String uuid,
        String handle,
        String displayName,
        String nickname,
        @JsonProperty("isTopSpender") Boolean isTopSpender,
        String avatarUrl,
        Instant registeredAt,
        String role) {}
