package com.onyxos.common.fanvue.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Query parameters of one call, in order; absent values are left out. */
public final class Query {

    private final List<Map.Entry<String, String>> parameters = new ArrayList<>();

    public static Query of() {
        return new Query();
    }

    public Query add(String name, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            parameters.add(Map.entry(name, value instanceof Instant instant ? instant.toString() : value.toString()));
        }
        return this;
    }

    /** A comma-separated list ({@code source=tip,post}). */
    public Query csv(String name, Collection<String> values) {
        return values == null || values.isEmpty() ? this : add(name, String.join(",", values));
    }

    /** One parameter per value ({@code status=ready&status=processing}). */
    public Query each(String name, Collection<String> values) {
        if (values != null) {
            values.forEach(value -> add(name, value));
        }
        return this;
    }

    public List<Map.Entry<String, String>> build() {
        return List.copyOf(parameters);
    }

    /** One path segment, percent-encoded (folder names may hold spaces and slashes). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
