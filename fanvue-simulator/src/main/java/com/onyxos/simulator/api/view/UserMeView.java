package com.onyxos.simulator.api.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.Post;
import com.onyxos.simulator.world.SimUser;
import java.time.Instant;

/** {@code GET /users/me}; the counts only for creators, derived from the account's data. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserMeView(
        String uuid,
        String email,
        String handle,
        String displayName,
        @JsonProperty("isCreator") boolean isCreator,
        Instant createdAt,
        String avatarUrl,
        Integer likesCount,
        FanCounts fanCounts,
        ContentCounts contentCounts) {

    /** Followers and subscribers of a creator. */
    public record FanCounts(int followersCount, int subscribersCount) {}

    /** A creator's content by kind. */
    public record ContentCounts(
            int imageCount, int videoCount, int audioCount, int postCount, int payToViewPostCount) {}

    public static UserMeView of(SimUser user, AccountData account) {
        if (!user.isCreator()) {
            return new UserMeView(
                    user.uuid(),
                    user.email(),
                    user.handle(),
                    user.displayName(),
                    false,
                    user.createdAt(),
                    user.avatarUrl(),
                    null,
                    null,
                    null);
        }
        return new UserMeView(
                user.uuid(),
                user.email(),
                user.handle(),
                user.displayName(),
                true,
                user.createdAt(),
                user.avatarUrl(),
                account.posts().stream().mapToInt(Post::likesCount).sum(),
                new FanCounts(
                        account.followerUuids().size(),
                        account.subscriberUuids().size()),
                new ContentCounts(
                        count(account, "image"),
                        count(account, "video"),
                        count(account, "audio"),
                        account.posts().size(),
                        (int) account.posts().stream()
                                .filter(p -> p.price() != null)
                                .count()));
    }

    private static int count(AccountData account, String type) {
        return (int) account.media().values().stream()
                .filter(m -> m.mediaType().equals(type))
                .count();
    }
}
