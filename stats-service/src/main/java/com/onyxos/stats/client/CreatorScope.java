package com.onyxos.stats.client;

import com.onyxos.common.fanvue.FanvueApi;
import com.onyxos.common.fanvue.FanvueCreatorApi;

/**
 * A creator's data on Fanvue as one token reads it.
 *
 * @param api the token's API (self endpoints such as {@code /users/me})
 * @param data the creator's data: the self paths or {@code /creators/{uuid}/...}
 * @param self whether the token's user is the creator (self paths)
 */
public record CreatorScope(FanvueApi api, FanvueCreatorApi data, boolean self) {

    /** The route of {@code path} (e.g. {@code /insights/earnings}) as the Fanvue client names it. */
    public String route(String path) {
        return "GET " + (self ? "" : "/creators/{creatorUserUuid}") + path;
    }
}
