package com.onyxos.simulator.faults;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An injected fault: requests whose concrete path matches the glob {@code path} ({@code *} one segment, {@code **}
 * anything) and, if given, {@code method}, get {@code kind} with {@code probability} (default 1) for {@code count}
 * requests (default: unlimited). {@code id} is assigned when the rule is added.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultRule(
        String id,
        String path,
        String method,
        FaultKind kind,
        Integer status,
        Integer retryAfterSeconds,
        Long delayMs,
        Double probability,
        Integer count,
        Boolean dropConnection) {

    public FaultRule {
        if (path == null || kind == null) {
            throw new IllegalArgumentException("a fault rule needs a path glob and a kind");
        }
        if (probability != null && (probability < 0 || probability > 1)) {
            throw new IllegalArgumentException("probability must be within 0..1");
        }
    }

    /** A rule for every request on {@code path} of the given kind; refine it with the withers. */
    public static FaultRule on(String path, FaultKind kind) {
        return new FaultRule(null, path, null, kind, null, null, null, null, null, null);
    }

    public FaultRule withId(String newId) {
        return new FaultRule(
                newId, path, method, kind, status, retryAfterSeconds, delayMs, probability, count, dropConnection);
    }

    public FaultRule withMethod(String newMethod) {
        return new FaultRule(
                id, path, newMethod, kind, status, retryAfterSeconds, delayMs, probability, count, dropConnection);
    }

    public FaultRule withStatus(int newStatus) {
        return new FaultRule(
                id, path, method, kind, newStatus, retryAfterSeconds, delayMs, probability, count, dropConnection);
    }

    public FaultRule withRetryAfterSeconds(int seconds) {
        return new FaultRule(id, path, method, kind, status, seconds, delayMs, probability, count, dropConnection);
    }

    public FaultRule withDelayMs(long ms) {
        return new FaultRule(id, path, method, kind, status, retryAfterSeconds, ms, probability, count, dropConnection);
    }

    public FaultRule withProbability(double p) {
        return new FaultRule(id, path, method, kind, status, retryAfterSeconds, delayMs, p, count, dropConnection);
    }

    public FaultRule withCount(int n) {
        return new FaultRule(
                id, path, method, kind, status, retryAfterSeconds, delayMs, probability, n, dropConnection);
    }

    public FaultRule withDropConnection(boolean drop) {
        return new FaultRule(id, path, method, kind, status, retryAfterSeconds, delayMs, probability, count, drop);
    }

    public int statusOr(int fallback) {
        return status == null ? fallback : status;
    }
}
