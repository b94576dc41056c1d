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

    /** Tips received on the post: all three figures, or the post is malformed. */
    public record Tips(Long count, Long totalGross, Long totalNet) {}

    /** Whether the post has its uuid and, when it reports tips, all three tip figures. */
    public boolean complete() {
        return uuid != null
                && (tips == null || tips.count() != null && tips.totalGross() != null && tips.totalNet() != null);
    }
}
