package com.onyxos.common.fanvue;

import com.onyxos.common.fanvue.internal.ApiCall;
import com.onyxos.common.fanvue.internal.Decoder;
import com.onyxos.common.fanvue.internal.FanvueHttp;
import com.onyxos.common.fanvue.internal.Paginator;
import com.onyxos.common.fanvue.internal.Query;
import com.onyxos.common.fanvue.model.FanvueUser;
import com.onyxos.common.fanvue.model.UnreadCounts;
import io.smallrye.mutiny.Uni;
import java.util.Objects;

/** Fanvue's API as one connected user sees it: their own data, the creators their agency manages, the agency. */
public final class FanvueApi {

    private final FanvueHttp http;
    private final Paginator paginator;
    private final FanvueCredentials credentials;

    FanvueApi(FanvueHttp http, Paginator paginator, FanvueCredentials credentials) {
        this.http = http;
        this.paginator = paginator;
        this.credentials = credentials;
    }

    /** The connected user ({@code GET /users/me}). */
    public Uni<FanvueUser> me() {
        return http.get(
                selfCall("GET /users/me", "/users/me"),
                Decoder.object(FanvueUser.class, u -> u.uuid() != null, "uuid"));
    }

    /** Unread chat, message and notification counts ({@code GET /chats/unread}). */
    public Uni<UnreadCounts> unreadChats() {
        return http.get(
                selfCall("GET /chats/unread", "/chats/unread"),
                Decoder.object(UnreadCounts.class, UnreadCounts::hasCounts, "unreadChatsCount or unreadMessagesCount"));
    }

    /** The connected user's own creator data (self paths). */
    public FanvueCreatorApi self() {
        return new FanvueCreatorApi(http, paginator, credentials, null);
    }

    /** A creator the connected agency manages ({@code /creators/{creatorUserUuid}/...}). */
    public FanvueCreatorApi creator(String creatorUserUuid) {
        Objects.requireNonNull(creatorUserUuid, "creatorUserUuid");
        return new FanvueCreatorApi(http, paginator, credentials, creatorUserUuid);
    }

    /** The agency endpoints. */
    public FanvueAgencyApi agency() {
        return new FanvueAgencyApi(http, paginator, credentials);
    }

    private ApiCall selfCall(String route, String path) {
        return new ApiCall(
                route,
                path,
                Query.of().build(),
                new ApiCall.BucketKey(credentials.fanvueUserId(), null),
                credentials.tokens());
    }
}
