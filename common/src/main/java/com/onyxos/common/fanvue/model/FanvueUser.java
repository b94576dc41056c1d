package com.onyxos.common.fanvue.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** The connected user, from {@code GET /users/me}. */
public record FanvueUser(
        String uuid,
        String email,
        String handle,
        String displayName,
        @JsonProperty("isCreator") Boolean isCreator,
        Instant createdAt,
        String avatarUrl,
        Long likesCount,
        FanCounts fanCounts,
        ContentCounts contentCounts) {

    /** Follower and subscriber counts. */
    public record FanCounts(Long followersCount, Long subscribersCount) {}

    /** Content counts by kind. */
    public record ContentCounts(
            Long imageCount, Long videoCount, Long audioCount, Long postCount, Long payToViewPostCount) {}
}
