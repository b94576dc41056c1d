package com.onyxos.auth.testing;

import com.onyxos.common.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads MFA rows straight from the test database, to check what was (and was not) stored. */
public final class MfaRows {

    private MfaRows() {}

    /** A single value of a query with string parameters, or null when there is no row. */
    public static Object value(String sql, Object... params) {
        List<Object> values = column(sql, params);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The first column of every row of a query. */
    public static List<Object> column(String sql, Object... params) {
        try (Connection connection = TestDatabase.get().connect();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            List<Object> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getObject(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of the table belonging to the user. */
    public static long count(String table, String userSub) {
        return ((Number) value("select count(*) from " + table + " where user_sub = ?", userSub)).longValue();
    }
}
