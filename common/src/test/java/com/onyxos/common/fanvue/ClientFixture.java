package com.onyxos.common.fanvue;

import com.onyxos.common.fanvue.internal.FanvueHttp;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A Fanvue client for tests: short timeouts and backoff, pointed at WireMock or the simulator. */
final class ClientFixture implements AutoCloseable {

    final Vertx vertx = Vertx.vertx();
    final FanvueHttp http;
    final FanvueClient client;

    ClientFixture(String baseUrl) {
        this(baseUrl, settings(baseUrl));
    }

    ClientFixture(String baseUrl, FanvueClientSettings settings) {
        this.http = new FanvueHttp(vertx, settings, FanvueMetrics.NONE);
        this.client = new FanvueClient(http, settings);
    }

    /** Timeouts and backoff scaled down so failure paths run in milliseconds. */
    static FanvueClientSettings settings(String baseUrl) {
        return FanvueClientSettings.defaults()
                .withBaseUrls(URI.create(baseUrl), URI.create(baseUrl))
                .withClient("onyx-test-client", "onyx-test-secret")
                .with(
                        Duration.ofMillis(500),
                        new FanvueClientSettings.Retry(
                                4, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(20), 10),
                        new FanvueClientSettings.Pagination(100, 3),
                        new FanvueClientSettings.Breaker(20, 0.5, Duration.ofSeconds(30)));
    }

    FanvueApi api(String token) {
        return client.api(new FanvueCredentials("user-1", FanvueTokenProvider.fixed(token)));
    }

    @Override
    public void close() {
        client.close();
        vertx.closeAndAwait();
    }

    /** A token provider that hands out {@code token-0}, and {@code token-1}, ... on each renewal, and counts. */
    static final class CountingTokens implements FanvueTokenProvider {
        final AtomicInteger renewals = new AtomicInteger();
        final List<String> rejected = new ArrayList<>();

        @Override
        public Uni<String> accessToken() {
            return Uni.createFrom().item("token-" + renewals.get());
        }

        @Override
        public synchronized Uni<String> renewAccessToken(String rejectedToken) {
            rejected.add(rejectedToken);
            return Uni.createFrom().item("token-" + renewals.incrementAndGet());
        }
    }
}
