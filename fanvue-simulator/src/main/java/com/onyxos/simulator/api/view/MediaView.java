package com.onyxos.simulator.api.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.onyxos.simulator.world.Media;
import java.time.Instant;
import java.util.List;

/** Fanvue's Media object; {@code variants} only when the request asked for some. */
public record MediaView(
        String uuid,
        String status,
        Instant createdAt,
        String caption,
        String description,
        String name,
        String mediaType,
        Long recommendedPrice,
        List<String> tags,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<VariantView> variants) {

    public static MediaView of(Media m, List<VariantView> variants) {
        return new MediaView(
                m.uuid(),
                m.status(),
                m.createdAt(),
                m.caption(),
                m.description(),
                m.name(),
                m.mediaType(),
                m.recommendedPrice(),
                m.tags(),
                variants);
    }
}
