package com.onyxos.common.fanvue.model;

import java.time.Instant;
import java.util.List;

/** A post: its price (USD cents, null when free), audience (open enum), media and reactions. */
public record FanvuePost(
        String uuid,
        Instant createdAt,
        String text,
        Long price,
        String audience,
        List<String> mediaUuids,
        Long likesCount,
        Long commentsCount,
        Tips tips) {

    public FanvuePost {
        mediaUuids = mediaUuids == null ? List.of() : List.copyOf(mediaUuids);
    }

    /** Tips received on the post. */
    public record Tips(long count, long totalGross, long totalNet) {}
}
