package com.onyxos.vault.bench;

import com.onyxos.common.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/** The benchmark's few direct database reads and writes (JDBC, outside the service). */
final class BenchDb {

    private BenchDb() {}

    /** The database's clock, so "written since" compares like with like. */
    static Instant now() {
        try (Connection db = TestDatabase.get().connect();
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("select clock_timestamp()")) {
            rows.next();
            return rows.getTimestamp(1).toInstant();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asset rows inserted or updated since {@code since} (every sync write sets {@code last_synced_at}). */
    static long rowsWrittenSince(Instant since) {
        try (Connection db = TestDatabase.get().connect();
                PreparedStatement query = db.prepareStatement(
                        "select count(*) from content_assets where last_synced_at >= ? or updated_at >= ?")) {
            query.setTimestamp(1, Timestamp.from(since));
            query.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(String sql) {
        try (Connection db = TestDatabase.get().connect();
                Statement statement = db.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
