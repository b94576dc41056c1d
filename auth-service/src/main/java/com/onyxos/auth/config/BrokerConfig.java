package com.onyxos.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The Fanvue token broker's refresh rules ({@code onyx.broker.*}); the README's "Token broker" section explains them. */
@ConfigMapping(prefix = "onyx.broker")
public interface BrokerConfig {

    /**
     * Refresh ahead at most this long before expiry: a token is refreshed when less than min(this,
     * {@link #refreshAheadFraction()} of its lifetime) is left, never less than {@link #refreshAheadFloor()}.
     */
    @WithDefault("5m")
    Duration refreshAhead();

    /** The share of the lifetime Fanvue gave a token that is kept as its refresh-ahead margin. */
    @WithDefault("0.2")
    double refreshAheadFraction();

    /** The smallest refresh-ahead margin (for short-lived tokens), at most half of the token's lifetime. */
    @WithDefault("5s")
    Duration refreshAheadFloor();

    /** How often the sweep runs; it refreshes the tokens that would be due before it runs again. */
    @WithDefault("60s")
    Duration sweepEvery();

    /** How many connections the sweep refreshes at once. */
    @WithDefault("4")
    int sweepConcurrency();

    /**
     * How long a refresh lease lasts. A holder whose process dies loses it at once (its run-lease lock session is
     * gone); this bounds a holder that is alive but frozen.
     */
    @WithDefault("30s")
    Duration leaseDuration();

    /** How long a request waits for a live holder's refresh before answering 503 {@code fanvue_refresh_in_progress}. */
    @WithDefault("10s")
    Duration awaitOtherRefresh();

    /**
     * How long a presented refresh token may be waiting for Fanvue's answer: longer than one token call can take
     * ({@code onyx.fanvue.request-timeout}, 10 s). Nobody presents the same token again before then, unless its holder is
     * gone for good.
     */
    @WithDefault("15s")
    Duration presentationTimeout();

    /**
     * How long a holder whose lock session is gone, while its refresh token is presented, is given to come back (a
     * cut database connection is reopened within a second) before it is taken for dead and the token presented again.
     */
    @WithDefault("3s")
    Duration holderGrace();
}
