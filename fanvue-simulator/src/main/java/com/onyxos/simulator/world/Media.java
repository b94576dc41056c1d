package com.onyxos.simulator.world;

import java.time.Instant;
import java.util.List;

/** A vault media item. Money in USD cents; {@code name}, {@code caption}, {@code recommendedPrice} may be null. */
public record Media(
        String uuid,
        String status,
        Instant createdAt,
        String caption,
        String description,
        String name,
        String mediaType,
        Long recommendedPrice,
        List<String> tags) {}
