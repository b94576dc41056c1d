package com.onyxos.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The Fanvue token broker's refresh rules ({@code onyx.broker.*}). */
@ConfigMapping(prefix = "onyx.broker")
public interface BrokerConfig {

    /** A token with less than this left is refreshed before it is handed out. */
    @WithDefault("5m")
    Duration refreshAhead();

    /** The sweep refreshes every active token that expires within this window. */
    @WithDefault("15m")
    Duration sweepWindow();

    /** Access tokens are served from memory until this long before they expire. */
    @WithDefault("60s")
    Duration cacheMargin();

    /** How long a replica holds a connection's refresh lease; longer than one token call can take. */
    @WithDefault("60s")
    Duration leaseDuration();

    /** How long a request waits for another replica's refresh of the same connection before giving up. */
    @WithDefault("20s")
    Duration awaitOtherRefresh();

    /** How many connections the sweep refreshes at once. */
    @WithDefault("4")
    int sweepConcurrency();
}
