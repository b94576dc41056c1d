package com.onyxos.common.fanvue;

import com.onyxos.common.fanvue.internal.FanvueHttp;
import com.onyxos.common.fanvue.internal.Paginator;
import io.vertx.mutiny.core.Vertx;

/**
 * The Fanvue client: typed, non-blocking, rate-paced per Fanvue bucket, with every retry, timeout and breaker in
 * one layer. One instance per application (it owns the connection pool, the rate buckets and the breakers); get a
 * per-user view with {@link #api(FanvueCredentials)}.
 */
public final class FanvueClient implements AutoCloseable {

    private final FanvueHttp http;
    private final Paginator paginator;
    private final FanvueOAuth oauth;

    public FanvueClient(Vertx vertx, FanvueClientSettings settings) {
        this(new FanvueHttp(vertx, settings, FanvueMetrics.NONE), settings);
    }

    /** Around an HTTP layer built elsewhere (tests give it a manual clock or random source). */
    public FanvueClient(FanvueHttp http, FanvueClientSettings settings) {
        this.http = http;
        this.paginator = new Paginator(settings.pagination());
        this.oauth = new FanvueOAuth(http, settings);
    }

    /** The API as the user of {@code credentials} sees it. */
    public FanvueApi api(FanvueCredentials credentials) {
        return new FanvueApi(http, paginator, credentials);
    }

    /** The OAuth server: authorization URL, code exchange, refresh. */
    public FanvueOAuth oauth() {
        return oauth;
    }

    @Override
    public void close() {
        http.close();
    }
}
