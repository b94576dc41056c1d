package com.onyxos.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** How agencies connect Fanvue accounts ({@code onyx.fanvue-connect.*}). */
@ConfigMapping(prefix = "onyx.fanvue-connect")
public interface FanvueConnectConfig {

    /**
     * The redirect URI registered with Fanvue: the dashboard page that receives {@code code} and {@code state} and
     * hands them to {@code GET /api/fanvue/callback}. Must match Fanvue's registration exactly.
     */
    String redirectUri();

    /** Scopes asked for; {@code offline_access} is what makes Fanvue issue refresh tokens. */
    @WithDefault("openid,offline_access,offline,read:self,read:creator,read:media,read:insights,read:fan,read:chat,"
            + "read:post,read:tracking_links,read:agency")
    List<String> scopes();

    /** How long an authorization request (its {@code state}) stays usable. */
    @WithDefault("10m")
    Duration stateTtl();
}
