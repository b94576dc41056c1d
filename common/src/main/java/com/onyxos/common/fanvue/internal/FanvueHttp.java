package com.onyxos.common.fanvue.internal;

import com.onyxos.common.fanvue.FanvueClientSettings;
import com.onyxos.common.fanvue.FanvueErrorBody;
import com.onyxos.common.fanvue.FanvueException;
import com.onyxos.common.fanvue.FanvueMetrics;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * The one layer that talks HTTP to Fanvue and holds all fault tolerance: rate pacing per bucket, one token renewal
 * on 401, retries with full-jitter backoff for 5xx, timeouts, resets and malformed bodies (never for other 4xx),
 * waiting out {@code Retry-After} on 429, a bounded retry time per call, and a circuit breaker per host.
 */
public final class FanvueHttp implements AutoCloseable {

    static final String VERSION_HEADER = "X-Fanvue-API-Version";

    private final FanvueClientSettings settings;
    private final WebClient web;
    private final FanvueMetrics metrics;
    private final Timers timers;
    private final Backoff backoff;
    private final Deprecations deprecations = new Deprecations();
    private final Map<ApiCall.BucketKey, RateBucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    public FanvueHttp(Vertx vertx, FanvueClientSettings settings, FanvueMetrics metrics) {
        this(vertx, settings, metrics, Timers.vertx(vertx), bound -> ThreadLocalRandom.current()
                .nextLong(bound));
    }

    /** With another clock and random source (tests). */
    public FanvueHttp(
            Vertx vertx,
            FanvueClientSettings settings,
            FanvueMetrics metrics,
            Timers timers,
            LongUnaryOperator uniformBelow) {
        this.settings = settings;
        this.metrics = metrics;
        this.timers = timers;
        this.backoff =
                new Backoff(settings.retry().baseDelay(), settings.retry().maxDelay(), uniformBelow);
        int timeoutMillis = (int) settings.requestTimeout().toMillis();
        this.web = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setMaxPoolSize(settings.connectionPoolSize())
                        .setConnectTimeout(timeoutMillis)
                        .setKeepAlive(true)
                        .setFollowRedirects(false)
                        .setUserAgent("onyxos-fanvue-client"));
    }

    /** Reads {@code call} and decodes the answer, with every rule of this layer. */
    public <T> Uni<T> get(ApiCall call, Decoder<T> decoder) {
        CallState state = new CallState();
        return call.tokens().accessToken().chain(token -> {
            if (token == null) {
                return Uni.createFrom()
                        .failure(new FanvueException.Unauthorized(call.route(), "", FanvueErrorBody.NONE));
            }
            state.token = token;
            return attempt(call, decoder, state);
        });
    }

    /**
     * Posts a form once, without retries (token grants are single use: a blind retry could present a rotated
     * refresh token), through the host's breaker; the caller reads the answer. The form goes url-encoded in one
     * buffer with its {@code Content-Length}: some OAuth servers, proxies and WAFs refuse a chunked POST.
     */
    public Uni<HttpResponse<Buffer>> postFormOnce(String route, URI url, MultiMap form, String authorization) {
        CircuitBreaker breaker = breaker(url);
        if (!breaker.tryAcquire()) {
            return Uni.createFrom().failure(new FanvueException.CircuitOpen(route, url.getAuthority()));
        }
        long started = System.nanoTime();
        return web.requestAbs(HttpMethod.POST, url.toString())
                .timeout(settings.requestTimeout().toMillis())
                .putHeader("Authorization", authorization)
                .putHeader("Accept", "application/json")
                .putHeader("Content-Type", "application/x-www-form-urlencoded")
                .sendBuffer(Buffer.buffer(urlEncoded(form)))
                .onItem()
                .invoke(response -> {
                    metrics.answered(route, response.statusCode(), System.nanoTime() - started);
                    recordOutcome(breaker, response.statusCode());
                })
                .onFailure()
                .transform(failure -> {
                    breaker.onFailure();
                    metrics.noAnswer(route);
                    return new FanvueException.Transport(route, failure);
                })
                .onCancellation()
                .invoke(breaker::onNeutral);
    }

    private <T> Uni<T> attempt(ApiCall call, Decoder<T> decoder, CallState state) {
        CircuitBreaker breaker = breaker(settings.apiBaseUrl());
        if (!breaker.tryAcquire()) {
            return Uni.createFrom()
                    .failure(new FanvueException.CircuitOpen(
                            call.route(), settings.apiBaseUrl().getAuthority()));
        }
        RateBucket bucket = buckets.computeIfAbsent(call.bucket(), key -> new RateBucket(timers, window()));
        return bucket.acquire()
                .chain(ticket -> send(call, state.token, bucket, ticket, breaker)
                        .map(response -> interpret(call, response, decoder, bucket, ticket, breaker, state))
                        .onCancellation()
                        .invoke(() -> bucket.noAnswer(ticket)))
                .onCancellation()
                .invoke(breaker::onNeutral)
                .onFailure()
                .recoverWithUni(failure -> afterFailure(call, decoder, state, failure));
    }

    private Uni<HttpResponse<Buffer>> send(
            ApiCall call, String token, RateBucket bucket, long ticket, CircuitBreaker breaker) {
        HttpRequest<Buffer> request = web.requestAbs(HttpMethod.GET, settings.apiBaseUrl() + call.path())
                .timeout(settings.requestTimeout().toMillis())
                .putHeader("Authorization", "Bearer " + token)
                .putHeader(VERSION_HEADER, settings.apiVersion())
                .putHeader("Accept", "application/json");
        call.query().forEach(parameter -> request.addQueryParam(parameter.getKey(), parameter.getValue()));
        long started = System.nanoTime();
        return request.send()
                .invoke(response -> metrics.answered(call.route(), response.statusCode(), System.nanoTime() - started))
                .onFailure()
                .transform(failure -> {
                    bucket.noAnswer(ticket);
                    breaker.onFailure();
                    metrics.noAnswer(call.route());
                    return new FanvueException.Transport(call.route(), failure);
                });
    }

    private <T> T interpret(
            ApiCall call,
            HttpResponse<Buffer> response,
            Decoder<T> decoder,
            RateBucket bucket,
            long ticket,
            CircuitBreaker breaker,
            CallState state) {
        int status = response.statusCode();
        Duration retryAfter = RetryAfter.parse(response.getHeader("Retry-After"), Instant.now())
                .orElse(null);
        bucket.observe(
                ticket,
                RateHeaders.parse(response::getHeader, System.currentTimeMillis()),
                status == 429 ? (retryAfter == null ? Duration.ofSeconds(1) : retryAfter) : null);
        deprecations.check(call.route(), settings.apiVersion(), response.headers());
        if (status >= 200 && status < 300) {
            return decode(call, response, decoder, breaker);
        }
        String raw = response.bodyAsString() == null ? "" : response.bodyAsString();
        FanvueErrorBody body = ErrorBodies.parse(raw);
        if (status == 429) {
            breaker.onNeutral();
            throw new FanvueException.RateLimited(
                    call.route(), raw, body, retryAfter == null ? Duration.ofSeconds(1) : retryAfter);
        }
        if (status >= 500 || status < 400) {
            breaker.onFailure();
            state.serverRetryAfter = retryAfter;
            throw status >= 500
                    ? new FanvueException.ServerError(call.route(), status, raw, body)
                    : new FanvueException.MalformedResponse(call.route(), status, raw, "an unexpected status");
        }
        breaker.onSuccess();
        throw ErrorBodies.clientError(call.route(), status, raw, body);
    }

    private <T> T decode(ApiCall call, HttpResponse<Buffer> response, Decoder<T> decoder, CircuitBreaker breaker) {
        try {
            T value = decoder.decode(call.route(), response.statusCode(), response.body());
            breaker.onSuccess();
            return value;
        } catch (FanvueException.MalformedResponse malformed) {
            breaker.onFailure();
            throw malformed;
        }
    }

    private <T> Uni<T> afterFailure(ApiCall call, Decoder<T> decoder, CallState state, Throwable failure) {
        state.failedOnce(timers.nanoTime());
        if (failure instanceof FanvueException.Unauthorized && !state.renewed) {
            state.renewed = true;
            metrics.retried(call.route(), "unauthorized");
            return call.tokens().renewAccessToken(state.token).chain(renewed -> {
                if (renewed == null) {
                    return Uni.createFrom().failure(failure);
                }
                state.token = renewed;
                return attempt(call, decoder, state);
            });
        }
        if (failure instanceof FanvueException.RateLimited limited) {
            boolean retry = ++state.rateLimited < settings.retry().maxRateLimitedAttempts()
                    && state.withinBudget(limited.retryAfter(), timers.nanoTime(), settings);
            if (!retry) {
                return Uni.createFrom().failure(failure);
            }
            metrics.retried(call.route(), "rate_limited");
            // The bucket now holds every request of this key until Retry-After has passed.
            return attempt(call, decoder, state);
        }
        if (failure instanceof FanvueException fanvue && fanvue.transientFailure()) {
            Duration delay = backoff.delay(state.failures);
            if (state.serverRetryAfter != null && state.serverRetryAfter.compareTo(delay) > 0) {
                delay = state.serverRetryAfter;
            }
            boolean retry = ++state.failures < settings.retry().maxAttempts()
                    && state.withinBudget(delay, timers.nanoTime(), settings);
            return retry
                    ? sleep(delay).chain(() -> attempt(call, decoder, state))
                    : Uni.createFrom().failure(failure);
        }
        return Uni.createFrom().failure(failure);
    }

    private Uni<Void> sleep(Duration delay) {
        return Uni.createFrom().emitter(emitter -> timers.schedule(delay.toNanos(), () -> emitter.complete(null)));
    }

    private static String urlEncoded(MultiMap form) {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> field : form.entries()) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private void recordOutcome(CircuitBreaker breaker, int status) {
        if (status >= 500) {
            breaker.onFailure();
        } else {
            breaker.onSuccess();
        }
    }

    private CircuitBreaker breaker(URI url) {
        return breakers.computeIfAbsent(url.getAuthority(), host -> new CircuitBreaker(timers, settings.breaker()));
    }

    private Duration window() {
        return settings.rateLimit().window();
    }

    /** Routes whose deprecation was logged (tests). */
    public java.util.Set<String> deprecationsWarned() {
        return deprecations.warned();
    }

    @Override
    public void close() {
        web.close();
    }

    /** What one call has been through so far. */
    private static final class CallState {
        String token;
        boolean renewed;
        int failures;
        int rateLimited;
        long firstFailureAt = -1;
        Duration serverRetryAfter;

        void failedOnce(long now) {
            if (firstFailureAt < 0) {
                firstFailureAt = now;
            }
        }

        boolean withinBudget(Duration wait, long now, FanvueClientSettings settings) {
            return now + wait.toNanos() - firstFailureAt
                    <= settings.retry().maxRetryTime().toNanos();
        }
    }
}
