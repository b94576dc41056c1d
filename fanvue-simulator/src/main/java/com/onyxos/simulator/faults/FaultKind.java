package com.onyxos.simulator.faults;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What an injected fault does to a matching request. */
public enum FaultKind {
    /** Answer {@code status} (500/502/503...) at once, optionally with {@code Retry-After}. */
    ERROR("error"),
    /** Answer 429 with {@code Retry-After: retryAfterSeconds}; the caller's bucket stays blocked until then. */
    RATE_LIMIT("rateLimit"),
    /** Hold the request: never answer, or answer normally after {@code delayMs}. */
    TIMEOUT("timeout"),
    /** Answer normally after {@code delayMs}. */
    DELAY("delay"),
    /** 200 with an empty body. */
    EMPTY_BODY("emptyBody"),
    /** 200 with {@code {}}. */
    EMPTY_OBJECT("emptyObject"),
    /** The normal status with the JSON body cut in half. */
    TRUNCATED_JSON("truncatedJson"),
    /** Pages always say there is more: {@code hasMore=true}, or a non-null {@code nextCursor} past the end. */
    HAS_MORE_FOREVER("hasMoreForever"),
    /** Process the request (a refresh grant rotates) then answer {@code status} (default 502) or drop the connection. */
    LOSE_RESPONSE("loseResponse");

    private final String json;

    FaultKind(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static FaultKind of(String value) {
        return Arrays.stream(values())
                .filter(k -> k.json.equals(value) || k.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault kind: " + value));
    }

    /** Kinds that replace or reshape a successful answer after the endpoint ran. */
    public boolean reshapesBody() {
        return this == EMPTY_BODY || this == EMPTY_OBJECT || this == TRUNCATED_JSON || this == HAS_MORE_FOREVER;
    }
}
