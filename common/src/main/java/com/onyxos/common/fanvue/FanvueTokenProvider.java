package com.onyxos.common.fanvue;

import io.smallrye.mutiny.Uni;

/**
 * Where the client gets bearer tokens: in the services, the auth-service token broker. The client asks for a
 * renewal at most once per call, when Fanvue answers 401 to the token it was given.
 */
public interface FanvueTokenProvider {

    /** The access token to use now. */
    Uni<String> accessToken();

    /**
     * A fresh access token after Fanvue rejected {@code rejected}; a null item when none can be had (the call then
     * fails with {@link FanvueException.Unauthorized}).
     */
    Uni<String> renewAccessToken(String rejected);

    /** A token that cannot be renewed (the OAuth callback's first {@code /users/me}, tests). */
    static FanvueTokenProvider fixed(String accessToken) {
        return new FanvueTokenProvider() {
            @Override
            public Uni<String> accessToken() {
                return Uni.createFrom().item(accessToken);
            }

            @Override
            public Uni<String> renewAccessToken(String rejected) {
                return Uni.createFrom().nullItem();
            }
        };
    }
}
