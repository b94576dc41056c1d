package com.onyxos.simulator.api.view;

import com.onyxos.simulator.world.Post;
import java.time.Instant;
import java.util.List;

/** Fanvue's Post object; {@code tips} sums the tip earnings rows on the post (USD cents). */
public record PostView(
        String uuid,
        Instant createdAt,
        String text,
        Long price,
        String audience,
        List<String> mediaUuids,
        int likesCount,
        int commentsCount,
        Tips tips) {

    /** Tips on the post: {@code count} tips, refunds subtracted from the totals. */
    public record Tips(int count, long totalGross, long totalNet) {}

    public static PostView of(Post p, Tips tips) {
        return new PostView(
                p.uuid(),
                p.createdAt(),
                p.text(),
                p.price(),
                p.audience(),
                p.mediaUuids(),
                p.likesCount(),
                p.commentsCount(),
                tips);
    }
}
