package com.onyxos.vault.mapping;

import com.onyxos.common.problem.ProblemException;
import java.util.Locale;

/**
 * Orders of the asset library, each descending with the asset id breaking ties, so a keyset cursor (sort key, id)
 * names exactly one position. Assets without performance count as 0 revenue and 0 conversion.
 */
public enum AssetSort {
    /** Newest first, by Fanvue's creation time. */
    CREATED("a.created_at", "timestamptz"),
    /** Highest total revenue (minor units) first. */
    REVENUE("coalesce(p.total_revenue, 0)", "bigint"),
    /** Highest conversion rate first. */
    CONVERSION("coalesce(p.conversion_rate, 0)", "numeric");

    private final String expression;
    private final String sqlType;

    AssetSort(String expression, String sqlType) {
        this.expression = expression;
        this.sqlType = sqlType;
    }

    /** The SQL expression of the sort key (aliases: {@code a} = content_assets, {@code p} = vault_performance). */
    public String expression() {
        return expression;
    }

    /** The SQL type a cursor's key is cast to. */
    public String sqlType() {
        return sqlType;
    }

    /** The name clients use: created, revenue or conversion. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The sort called {@code name}, {@link #CREATED} when absent; a 400 problem for an unknown one. */
    public static AssetSort parse(String name) {
        if (name == null || name.isBlank()) {
            return CREATED;
        }
        for (AssetSort sort : values()) {
            if (sort.apiName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return sort;
            }
        }
        throw new ProblemException(
                400, "invalid_input", "Bad Request", "sort must be one of created, revenue, conversion.");
    }
}
