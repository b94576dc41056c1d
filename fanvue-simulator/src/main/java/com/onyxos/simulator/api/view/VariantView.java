package com.onyxos.simulator.api.view;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A rendition of a media item with a signed, short-lived URL; dimensions only where they apply. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VariantView(String variantType, String url, Integer width, Integer height, Long lengthMs) {}
