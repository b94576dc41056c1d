package com.onyxos.common.fanvue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Configuration of the Fanvue client ({@code onyx.fanvue.*}); the defaults talk to Fanvue's production hosts. */
@ConfigMapping(prefix = "onyx.fanvue")
public interface FanvueClientConfig {

    /** Base URL of the API, without a trailing slash. */
    @WithDefault("https://api.fanvue.com")
    URI apiBaseUrl();

    /** Base URL of the OAuth server ({@code /oauth2/auth}, {@code /oauth2/token}). */
    @WithDefault("https://auth.fanvue.com")
    URI authBaseUrl();

    /** Value of the {@code X-Fanvue-API-Version} header sent on every API call. */
    @WithDefault("2025-06-26")
    String apiVersion();

    /** OAuth client id of the Fanvue app; needed by the token endpoint only. */
    Optional<String> clientId();

    /** OAuth client secret of the Fanvue app; needed by the token endpoint only. */
    Optional<String> clientSecret();

    /** Time limit of one attempt. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** Most connections per host. */
    @WithDefault("64")
    int connectionPoolSize();

    /** Attempts per read for 5xx, timeouts, resets and malformed bodies, first one included. */
    @WithDefault("4")
    int retryMaxAttempts();

    /** Backoff cap of the first retry (full jitter: the delay is uniform between zero and the cap). */
    @WithDefault("200ms")
    Duration retryBaseDelay();

    /** Largest backoff cap. */
    @WithDefault("10s")
    Duration retryMaxDelay();

    /** Total time one call may spend retrying after its first failure. */
    @WithDefault("120s")
    Duration retryMaxTime();

    /** Attempts per call that may end in 429 before it gives up. */
    @WithDefault("20")
    int retryMaxRateLimited();

    /** Refill period of Fanvue's rate buckets ({@code X-RateLimit-Limit} requests per window). */
    @WithDefault("60s")
    Duration rateLimitWindow();

    /** Most pages one listing may fetch. */
    @WithDefault("10000")
    int paginationMaxPages();

    /** Consecutive empty pages announcing more before a listing fails. */
    @WithDefault("3")
    int paginationMaxEmptyPages();

    /** Outcomes per host the breaker's failure ratio is computed over. */
    @WithDefault("20")
    int breakerWindow();

    /** Failure ratio over a full window that opens a host's breaker. */
    @WithDefault("0.5")
    double breakerFailureRatio();

    /** How long an open breaker rejects calls before one trial. */
    @WithDefault("30s")
    Duration breakerOpenFor();

    /** These values as client settings. */
    default FanvueClientSettings settings() {
        return new FanvueClientSettings(
                apiBaseUrl(),
                authBaseUrl(),
                apiVersion(),
                clientId(),
                clientSecret(),
                requestTimeout(),
                connectionPoolSize(),
                new FanvueClientSettings.Retry(
                        retryMaxAttempts(), retryBaseDelay(), retryMaxDelay(), retryMaxTime(), retryMaxRateLimited()),
                new FanvueClientSettings.RateLimit(rateLimitWindow()),
                new FanvueClientSettings.Pagination(paginationMaxPages(), paginationMaxEmptyPages()),
                new FanvueClientSettings.Breaker(breakerWindow(), breakerFailureRatio(), breakerOpenFor()));
    }
}
