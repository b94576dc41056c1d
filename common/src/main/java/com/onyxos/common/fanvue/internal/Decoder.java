package com.onyxos.common.fanvue.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.onyxos.common.fanvue.FanvueException;
import io.vertx.mutiny.core.buffer.Buffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Turns a 2xx body into a value, or fails with {@link FanvueException.MalformedResponse}: empty bodies, truncated
 * JSON, {@code {}} and rows without their identifier are never taken for data.
 */
@FunctionalInterface
public interface Decoder<T> {

    T decode(String route, int status, Buffer body);

    /** A single object that must satisfy {@code valid} ({@code requirement} names what it lacks otherwise). */
    static <T> Decoder<T> object(Class<T> type, Predicate<T> valid, String requirement) {
        return (route, status, body) -> {
            T value = read(route, status, body, FanvueJson.mapper().constructType(type));
            if (value == null || !valid.test(value)) {
                throw malformed(route, status, body, "a body without " + requirement);
            }
            return value;
        };
    }

    /** Page style: {@code {data:[...], pagination:{page,size,hasMore}}}. */
    static <T> Decoder<Page<T>> pageStyle(Class<T> item, Predicate<T> validItem) {
        return (route, status, body) -> {
            JsonNode root = read(route, status, body, FanvueJson.mapper().constructType(JsonNode.class));
            JsonNode hasMore = root == null ? null : root.path("pagination").get("hasMore");
            if (hasMore == null || !hasMore.isBoolean()) {
                throw malformed(route, status, body, "no pagination.hasMore");
            }
            return new Page<>(items(route, status, body, root, item, validItem), hasMore.booleanValue(), null);
        };
    }

    /** Cursor style: {@code {data:[...], nextCursor: string|null}}. */
    static <T> Decoder<Page<T>> cursorStyle(Class<T> item, Predicate<T> validItem) {
        return (route, status, body) -> {
            JsonNode root = read(route, status, body, FanvueJson.mapper().constructType(JsonNode.class));
            JsonNode cursor = root == null ? null : root.get("nextCursor");
            if (cursor != null && !cursor.isNull() && !cursor.isTextual()) {
                throw malformed(route, status, body, "a nextCursor that is not a string");
            }
            String next = cursor == null || cursor.isNull() || cursor.asText().isEmpty() ? null : cursor.asText();
            return new Page<>(items(route, status, body, root, item, validItem), next != null, next);
        };
    }

    private static <T> List<T> items(
            String route, int status, Buffer body, JsonNode root, Class<T> item, Predicate<T> validItem) {
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw malformed(route, status, body, "no data array");
        }
        List<T> items = new ArrayList<>(data.size());
        for (JsonNode node : data) {
            T value;
            try {
                value = FanvueJson.mapper().treeToValue(node, item);
            } catch (IOException | IllegalArgumentException e) {
                throw malformed(route, status, body, "an unreadable row: " + e.getMessage());
            }
            if (value == null || !validItem.test(value)) {
                throw malformed(route, status, body, "a row without its identifier");
            }
            items.add(value);
        }
        return items;
    }

    private static <V> V read(String route, int status, Buffer body, JavaType type) {
        if (body == null || body.length() == 0) {
            throw malformed(route, status, body, "an empty body");
        }
        try {
            return FanvueJson.mapper().readValue(body.getBytes(), type);
        } catch (JsonProcessingException e) {
            throw malformed(route, status, body, "unreadable JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw malformed(route, status, body, "unreadable JSON: " + e.getMessage());
        }
    }

    private static FanvueException.MalformedResponse malformed(String route, int status, Buffer body, String what) {
        return new FanvueException.MalformedResponse(route, status, body == null ? "" : body.toString(), what);
    }
}
