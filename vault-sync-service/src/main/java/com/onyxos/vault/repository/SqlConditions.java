package com.onyxos.vault.repository;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Builds a WHERE clause and its bound parameters; each {@code ?} in a condition becomes the next {@code $n}. */
final class SqlConditions {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    /** Adds {@code condition}, binding {@code values} to its {@code ?} placeholders in order. */
    SqlConditions add(String condition, Object... values) {
        StringBuilder sql = new StringBuilder();
        int value = 0;
        for (char c : condition.toCharArray()) {
            if (c == '?') {
                parameters.add(values[value++]);
                sql.append('$').append(parameters.size());
            } else {
                sql.append(c);
            }
        }
        conditions.add(sql.toString());
        return this;
    }

    /** Adds {@code condition} only when {@code value} is not null, binding it to every {@code ?} in it. */
    SqlConditions addIfPresent(String condition, Object value) {
        if (value == null) {
            return this;
        }
        String placeholder = bind(value);
        conditions.add(condition.replace("?", placeholder));
        return this;
    }

    /** Binds one more parameter that is not part of a condition (a LIMIT, say) and returns its placeholder. */
    String bind(Object value) {
        parameters.add(value);
        return "$" + parameters.size();
    }

    String where() {
        return " where " + String.join(" and ", conditions);
    }

    Tuple parameters() {
        return Tuple.from(parameters);
    }
}
