package com.onyxos.common.fanvue.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.onyxos.common.fanvue.FanvueException;
import io.vertx.mutiny.core.buffer.Buffer;
import java.io.IOException;
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
        JavaType type = FanvueJson.mapper().getTypeFactory().constructParametricType(PageEnvelope.class, item);
        return (route, status, body) -> {
            PageEnvelope<T> page = read(route, status, body, type);
            if (page == null || page.pagination() == null || page.pagination().hasMore() == null) {
                throw malformed(route, status, body, "no pagination.hasMore");
            }
            return new Page<>(
                    items(route, status, body, page.data(), validItem),
                    page.pagination().hasMore(),
                    null);
        };
    }

    /** Cursor style: {@code {data:[...], nextCursor: string|null}}. */
    static <T> Decoder<Page<T>> cursorStyle(Class<T> item, Predicate<T> validItem) {
        JavaType type = FanvueJson.mapper().getTypeFactory().constructParametricType(CursorEnvelope.class, item);
        return (route, status, body) -> {
            CursorEnvelope<T> page = read(route, status, body, type);
            if (page == null) {
                throw malformed(route, status, body, "no data array");
            }
            String next = page.nextCursor() == null || page.nextCursor().isEmpty() ? null : page.nextCursor();
            return new Page<>(items(route, status, body, page.data(), validItem), next != null, next);
        };
    }

    private static <T> List<T> items(String route, int status, Buffer body, List<T> data, Predicate<T> validItem) {
        if (data == null) {
            throw malformed(route, status, body, "no data array");
        }
        for (T value : data) {
            if (value == null || !validItem.test(value)) {
                throw malformed(route, status, body, "a row without its identifier");
            }
        }
        return data;
    }

    /** The page-style envelope, decoded in one pass. */
    record PageEnvelope<T>(List<T> data, PageInfo pagination) {}

    /** Page-style pagination block; {@code hasMore} is the only field relied on. */
    record PageInfo(Integer page, Integer size, Boolean hasMore) {}

    /** The cursor-style envelope; a non-string {@code nextCursor} fails decoding. */
    record CursorEnvelope<T>(List<T> data, String nextCursor) {}

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
