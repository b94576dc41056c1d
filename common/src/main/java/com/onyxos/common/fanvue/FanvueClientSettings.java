package com.onyxos.common.fanvue;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything the Fanvue client needs to know, as plain values, so it can be built from {@link FanvueClientConfig} in
 * a service or directly in a test.
 *
 * @param apiBaseUrl base of the API paths, no trailing slash ({@code https://api.fanvue.com})
 * @param authBaseUrl base of the OAuth paths ({@code https://auth.fanvue.com})
 * @param apiVersion value of {@code X-Fanvue-API-Version}, sent on every API call
 * @param clientId OAuth client id; needed only for the token endpoint
 * @param clientSecret OAuth client secret; needed only for the token endpoint
 * @param requestTimeout one attempt's time limit without any byte received
 * @param connectionPoolSize most connections per host (Fanvue calls of many creators run in parallel)
 * @param retry retries of idempotent API reads
 * @param rateLimit pacing per Fanvue rate bucket
 * @param pagination guards against endless pagination
 * @param breaker circuit breaker per host
 */
public record FanvueClientSettings(
        URI apiBaseUrl,
        URI authBaseUrl,
        String apiVersion,
        Optional<String> clientId,
        Optional<String> clientSecret,
        Duration requestTimeout,
        int connectionPoolSize,
        Retry retry,
        RateLimit rateLimit,
        Pagination pagination,
        Breaker breaker) {

    /** Fanvue's production hosts and the API version this client is written against. */
    public static FanvueClientSettings defaults() {
        return new FanvueClientSettings(
                URI.create("https://api.fanvue.com"),
                URI.create("https://auth.fanvue.com"),
                "2025-06-26",
                Optional.empty(),
                Optional.empty(),
                Duration.ofSeconds(10),
                64,
                new Retry(4, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(120), 20),
                new RateLimit(Duration.ofSeconds(60)),
                new Pagination(10_000, 3),
                new Breaker(20, 0.5, Duration.ofSeconds(30)));
    }

    /** The same settings against other hosts (the simulator, WireMock). */
    public FanvueClientSettings withBaseUrls(URI api, URI auth) {
        return new FanvueClientSettings(
                api,
                auth,
                apiVersion,
                clientId,
                clientSecret,
                requestTimeout,
                connectionPoolSize,
                retry,
                rateLimit,
                pagination,
                breaker);
    }

    /** The same settings with OAuth client credentials. */
    public FanvueClientSettings withClient(String id, String secret) {
        return new FanvueClientSettings(
                apiBaseUrl,
                authBaseUrl,
                apiVersion,
                Optional.of(id),
                Optional.of(secret),
                requestTimeout,
                connectionPoolSize,
                retry,
                rateLimit,
                pagination,
                breaker);
    }

    /** The same settings with other retry, timeout and breaker values (tests shrink them). */
    public FanvueClientSettings with(Duration timeout, Retry newRetry, Pagination newPagination, Breaker newBreaker) {
        return new FanvueClientSettings(
                apiBaseUrl,
                authBaseUrl,
                apiVersion,
                clientId,
                clientSecret,
                timeout,
                connectionPoolSize,
                newRetry,
                rateLimit,
                newPagination,
                newBreaker);
    }

    /**
     * Retries of idempotent reads after 5xx, timeouts, resets and malformed bodies (full-jitter exponential backoff),
     * and after 429 (waiting out {@code Retry-After}).
     *
     * @param maxAttempts attempts per call for 5xx and transport failures, first one included
     * @param baseDelay backoff cap of the first retry; doubles per retry
     * @param maxDelay largest backoff cap
     * @param maxRetryTime total time a call may spend retrying after its first failure
     * @param maxRateLimitedAttempts attempts per call that may end in 429 before it gives up
     */
    public record Retry(
            int maxAttempts,
            Duration baseDelay,
            Duration maxDelay,
            Duration maxRetryTime,
            int maxRateLimitedAttempts) {}

    /**
     * Pacing per rate bucket.
     *
     * @param window the bucket's refill period: {@code X-RateLimit-Limit} requests per window (Fanvue: 60 s)
     */
    public record RateLimit(Duration window) {}

    /**
     * Pagination guards.
     *
     * @param maxPages most pages one listing may fetch
     * @param maxEmptyPages consecutive empty pages that still announce more before the listing fails
     */
    public record Pagination(int maxPages, int maxEmptyPages) {}

    /**
     * Circuit breaker per host.
     *
     * @param window outcomes the failure ratio is computed over
     * @param failureRatio failure ratio over a full window that opens the breaker
     * @param openFor how long the breaker stays open before one trial call
     */
    public record Breaker(int window, double failureRatio, Duration openFor) {}
}
