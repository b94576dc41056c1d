package com.onyxos.common.fanvue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A failed Fanvue call. Subtypes name the status class; every one keeps the route, the status (0 when no answer
 * arrived), the raw body and whichever of Fanvue's {@code error}, {@code message}, {@code errors} it carried.
 */
public abstract sealed class FanvueException extends RuntimeException {

    private final String route;
    private final int status;
    private final String rawBody;
    private final FanvueErrorBody body;

    FanvueException(String route, int status, String rawBody, FanvueErrorBody body, String summary, Throwable cause) {
        super("Fanvue " + route + " " + summary, cause);
        this.route = route;
        this.status = status;
        this.rawBody = rawBody;
        this.body = body;
    }

    /** The route template that failed, e.g. {@code GET /creators/{creatorUserUuid}/vault/folders}. */
    public String route() {
        return route;
    }

    /** HTTP status, or 0 when Fanvue did not answer. */
    public int status() {
        return status;
    }

    /** The body as received (empty when none). */
    public String rawBody() {
        return rawBody;
    }

    /** Fanvue's {@code error} field. */
    public Optional<String> error() {
        return Optional.ofNullable(body.error());
    }

    /** Fanvue's {@code message} field. */
    public Optional<String> fanvueMessage() {
        return Optional.ofNullable(body.message());
    }

    /** Fanvue's {@code errors} field (empty when absent). */
    public List<String> errors() {
        return body.errors();
    }

    /** Whether another attempt of the same read may succeed (5xx, transport failures, malformed bodies). */
    public boolean transientFailure() {
        return false;
    }

    static String describe(int status, FanvueErrorBody body) {
        String detail = body.summary();
        return "answered " + status + (detail.isEmpty() ? "" : ": " + detail);
    }

    /** A 4xx answer; never retried (429 aside, which the client waits out). */
    public abstract static sealed class ClientError extends FanvueException {
        ClientError(String route, int status, String rawBody, FanvueErrorBody body) {
            super(route, status, rawBody, body, describe(status, body), null);
        }
    }

    /** 400: a request Fanvue rejects (bad parameter, missing or unknown API version). */
    public static final class BadRequest extends ClientError {
        public BadRequest(String route, int status, String rawBody, FanvueErrorBody body) {
            super(route, status, rawBody, body);
        }
    }

    /** 401: the access token is missing, expired or revoked, also after one renewal. */
    public static final class Unauthorized extends ClientError {
        public Unauthorized(String route, String rawBody, FanvueErrorBody body) {
            super(route, 401, rawBody, body);
        }
    }

    /** 403: the token lacks a scope, or the user may not see this resource. */
    public static final class Forbidden extends ClientError {
        public Forbidden(String route, String rawBody, FanvueErrorBody body) {
            super(route, 403, rawBody, body);
        }
    }

    /** 404: no such resource (or creator not managed by the connected agency). */
    public static final class NotFound extends ClientError {
        public NotFound(String route, String rawBody, FanvueErrorBody body) {
            super(route, 404, rawBody, body);
        }
    }

    /** 409: a conflicting write. */
    public static final class Conflict extends ClientError {
        public Conflict(String route, String rawBody, FanvueErrorBody body) {
            super(route, 409, rawBody, body);
        }
    }

    /** 410: the API version this client sends is retired; {@link #nextVersion()} names its successor. */
    public static final class Gone extends ClientError {
        public Gone(String route, String rawBody, FanvueErrorBody body) {
            super(route, 410, rawBody, body);
        }

        /** The version Fanvue says to move to. */
        public Optional<String> nextVersion() {
            return Optional.ofNullable(errorBody().nextVersion());
        }
    }

    /** 429 that outlasted the call's retry budget. */
    public static final class RateLimited extends ClientError {
        private final Duration retryAfter;

        public RateLimited(String route, String rawBody, FanvueErrorBody body, Duration retryAfter) {
            super(route, 429, rawBody, body);
            this.retryAfter = retryAfter;
        }

        /** How long Fanvue asked to wait. */
        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** Any other 4xx. */
    public static final class OtherClientError extends ClientError {
        public OtherClientError(String route, int status, String rawBody, FanvueErrorBody body) {
            super(route, status, rawBody, body);
        }
    }

    /** A 5xx answer, after the retries the call was allowed. */
    public static final class ServerError extends FanvueException {
        public ServerError(String route, int status, String rawBody, FanvueErrorBody body) {
            super(route, status, rawBody, body, describe(status, body), null);
        }

        @Override
        public boolean transientFailure() {
            return true;
        }
    }

    /** No answer: timeout, refused or reset connection. */
    public static final class Transport extends FanvueException {
        public Transport(String route, Throwable cause) {
            super(route, 0, "", FanvueErrorBody.NONE, "failed without an answer: " + causeName(cause), cause);
        }

        private static String causeName(Throwable cause) {
            return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        }

        @Override
        public boolean transientFailure() {
            return true;
        }
    }

    /** A 2xx answer whose body is empty, truncated or lacks what the endpoint promises. */
    public static final class MalformedResponse extends FanvueException {
        public MalformedResponse(String route, int status, String rawBody, String problem) {
            super(route, status, rawBody, FanvueErrorBody.NONE, "answered " + status + " with " + problem, null);
        }

        @Override
        public boolean transientFailure() {
            return true;
        }
    }

    /** Calls to this host are suspended by its circuit breaker; nothing was sent. */
    public static final class CircuitOpen extends FanvueException {
        public CircuitOpen(String route, String host) {
            super(route, 0, "", FanvueErrorBody.NONE, "not sent: circuit open for " + host, null);
        }
    }

    /** A listing that never ends: too many pages, or empty pages that keep announcing more. */
    public static final class EndlessPagination extends FanvueException {
        public EndlessPagination(String route, String reason) {
            super(route, 200, "", FanvueErrorBody.NONE, "paginates without end: " + reason, null);
        }
    }

    /**
     * The token endpoint refused a grant (RFC 6749 section 5.2): {@link #error()} is the OAuth error code,
     * {@link #fanvueMessage()} its {@code error_description}.
     */
    public static final class OAuthError extends FanvueException {
        public OAuthError(String route, int status, String rawBody, FanvueErrorBody body) {
            super(route, status, rawBody, body, describe(status, body), null);
        }

        /** The grant (code or refresh token) is invalid, used, expired or revoked: never present it again. */
        public boolean invalidGrant() {
            return "invalid_grant".equals(errorBody().error());
        }
    }

    FanvueErrorBody errorBody() {
        return body;
    }
}
