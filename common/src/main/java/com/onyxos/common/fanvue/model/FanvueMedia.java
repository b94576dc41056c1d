package com.onyxos.common.fanvue.model;

import java.time.Instant;
import java.util.List;

/**
 * A media item from {@code GET /media} or {@code /media/{uuid}}; {@code status} and {@code mediaType} are open enums,
 * variant URLs are present only when variants were asked for (signed and short-lived: never store them).
 */
public record FanvueMedia(
        String uuid,
        String status,
        Instant createdAt,
        String caption,
        String description,
        String name,
        String mediaType,
        Long recommendedPrice,
        List<String> tags,
        List<Variant> variants) {

    /** One rendition of the media. */
    public record Variant(String variantType, String url, Integer width, Integer height, Long lengthMs) {}
}
