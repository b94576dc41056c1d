package com.onyxos.simulator.world;

import java.time.Instant;
import java.util.List;

/** A creator's post; {@code price} in USD cents, null when free. Tips and purchases live in the earnings. */
public record Post(
        String uuid,
        Instant createdAt,
        String text,
        Long price,
        String audience,
        List<String> mediaUuids,
        int likesCount,
        int commentsCount) {}
