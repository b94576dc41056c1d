package com.onyxos.stats.testing;

import com.onyxos.common.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SQL for stats tests: seed rows as the services would have, read back what the services wrote. */
public final class StatsDb {

    private StatsDb() {}

    /** Runs an insert, update or delete with positional parameters; answers the rows changed. */
    public static int update(String sql, Object... parameters) {
        try (Connection c = TestDatabase.get().connect();
                PreparedStatement q = c.prepareStatement(sql)) {
            bind(q, parameters);
            return q.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs one insert, update or delete once for each row of parameters, all on one connection. */
    public static void updateEach(String sql, List<Object[]> parameterRows) {
        try (Connection c = TestDatabase.get().connect();
                PreparedStatement q = c.prepareStatement(sql)) {
            for (Object[] parameters : parameterRows) {
                bind(q, parameters);
                q.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The single number {@code sql} selects. */
    public static long count(String sql, Object... parameters) {
        List<Map<String, Object>> rows = rows(sql, parameters);
        Object value = rows.get(0).values().iterator().next();
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** Every row {@code sql} selects, column name to value. */
    public static List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection c = TestDatabase.get().connect();
                PreparedStatement q = c.prepareStatement(sql)) {
            bind(q, parameters);
            try (ResultSet rows = q.executeQuery()) {
                List<Map<String, Object>> result = new ArrayList<>();
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        Object value = rows.getObject(i);
                        row.put(
                                rows.getMetaData().getColumnLabel(i),
                                value instanceof Timestamp t ? t.toInstant() : value);
                    }
                    result.add(row);
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** One creator's row in {@code models}. */
    public static Map<String, Object> creator(UUID id) {
        return rows("select * from models where id = ?", id).get(0);
    }

    /** Stores a live connection row as auth-service would (the token columns hold nothing readable). */
    public static UUID connection(UUID agencyId, String kind, String fanvueUserId, String handle, String status) {
        List<Map<String, Object>> rows = rows(
                "insert into agency_fanvue_connections (agency_id, kind, fanvue_user_id, fanvue_handle, status,"
                        + " access_token_ciphertext, connected_by) values (?, ?, ?, ?, ?, '\\x00'::bytea, 'test')"
                        + " returning id",
                agencyId,
                kind,
                UUID.fromString(fanvueUserId),
                handle,
                status);
        return (UUID) rows.get(0).get("id");
    }

    private static void bind(PreparedStatement q, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Instant instant) {
                q.setTimestamp(i + 1, Timestamp.from(instant));
            } else {
                q.setObject(i + 1, value);
            }
        }
    }
}
