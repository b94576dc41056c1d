package com.onyxos.common.fanvue.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.onyxos.common.fanvue.FanvueErrorBody;
import com.onyxos.common.fanvue.FanvueException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads Fanvue's error bodies (no single envelope) and picks the exception for a 4xx status. */
public final class ErrorBodies {

    private ErrorBodies() {}

    /** The known fields of {@code raw}; {@link FanvueErrorBody#NONE} when it is not a JSON object. */
    public static FanvueErrorBody parse(String raw) {
        JsonNode root;
        try {
            root = raw.isBlank() ? null : FanvueJson.mapper().readTree(raw);
        } catch (IOException e) {
            return FanvueErrorBody.NONE;
        }
        if (root == null || !root.isObject()) {
            return FanvueErrorBody.NONE;
        }
        List<String> errors = new ArrayList<>();
        root.path("errors").forEach(error -> errors.add(error.isTextual() ? error.asText() : error.toString()));
        return new FanvueErrorBody(text(root, "error"), text(root, "message"), errors, text(root, "nextVersion"));
    }

    static FanvueException.ClientError clientError(String route, int status, String raw, FanvueErrorBody body) {
        return switch (status) {
            case 400 -> new FanvueException.BadRequest(route, status, raw, body);
            case 401 -> new FanvueException.Unauthorized(route, raw, body);
            case 403 -> new FanvueException.Forbidden(route, raw, body);
            case 404 -> new FanvueException.NotFound(route, raw, body);
            case 409 -> new FanvueException.Conflict(route, raw, body);
            case 410 -> new FanvueException.Gone(route, raw, body);
            default -> new FanvueException.OtherClientError(route, status, raw, body);
        };
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
    }
}
