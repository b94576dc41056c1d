package com.onyxos.simulator.api.view;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onyxos.simulator.world.SimUser;
import java.time.Instant;

/** An item of {@code GET /creators}: a creator the agency manages. */
public record CreatorView(
        String uuid,
        String handle,
        String displayName,
        String nickname,
        @JsonProperty("isTopSpender") boolean isTopSpender,
        String avatarUrl,
        Instant registeredAt,
        String role) {

    public static CreatorView of(SimUser creator) {
        return new CreatorView(
                creator.uuid(),
                creator.handle(),
                creator.displayName(),
                creator.nickname(),
                false,
                creator.avatarUrl(),
                creator.createdAt(),
                "creator");
    }
}
