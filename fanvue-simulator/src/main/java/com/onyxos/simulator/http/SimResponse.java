package com.onyxos.simulator.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** What an endpoint answers: status, extra headers and a body serialized to JSON (null: no body). */
public record SimResponse(int status, Object body, Map<String, String> headers) {

    public SimResponse {
        headers = Map.copyOf(headers);
    }

    public static SimResponse json(int status, Object body) {
        return new SimResponse(status, body, Map.of());
    }

    public static SimResponse ok(Object body) {
        return json(200, body);
    }

    /** Fanvue's 400/410 shape (and the one used for 5xx here). */
    public static SimResponse error(int status, String error, String message) {
        return json(status, Map.of("error", error, "message", message));
    }

    /** Fanvue's 401/403/429 shape. */
    public static SimResponse errorOnly(int status, String error) {
        return json(status, Map.of("error", error));
    }

    /** Fanvue's 404/409 shape. */
    public static SimResponse message(int status, String message) {
        return json(status, Map.of("message", message));
    }

    public static SimResponse redirect(String location) {
        return new SimResponse(302, null, Map.of("Location", location));
    }

    public SimResponse withHeaders(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(headers);
        merged.putAll(more);
        return new SimResponse(status, body, merged);
    }

    public SimResponse withBody(int newStatus, Object newBody) {
        return new SimResponse(newStatus, newBody, headers);
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
