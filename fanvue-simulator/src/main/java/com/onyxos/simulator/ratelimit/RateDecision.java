package com.onyxos.simulator.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one request against a bucket. {@code early}: the request arrived while the bucket was blocked by an
 * earlier 429, i.e. before the announced {@code Retry-After} — a client violation.
 */
public record RateDecision(
        boolean allowed, int limit, long remaining, long resetEpochSeconds, long retryAfterSeconds, boolean early) {

    /** The headers Fanvue sends: the X-RateLimit trio always, Retry-After on 429. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Limit", Integer.toString(limit));
        headers.put("X-RateLimit-Remaining", Long.toString(remaining));
        headers.put("X-RateLimit-Reset", Long.toString(resetEpochSeconds));
        if (!allowed) {
            headers.put("Retry-After", Long.toString(retryAfterSeconds));
        }
        return headers;
    }
}
