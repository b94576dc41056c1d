package com.onyxos.vault;

import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestUser;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Seeds vault rows straight into the test database (as sync would have written them) and reads them back. */
public final class VaultFixtures {

    private VaultFixtures() {}

    /** A request as {@code user}, reading JSON decimals as BigDecimal so conversion rates compare exactly. */
    public static RequestSpecification as(TestUser user) {
        return user.request()
                .config(RestAssuredConfig.config()
                        .jsonConfig(
                                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    /** A content asset to seed; change fields, then {@link #insert()}. */
    public static Asset asset(UUID agencyId, UUID modelId, String fileName) {
        return new Asset(agencyId, modelId, fileName);
    }

    /** Inserts an asset event as sync or the dashboard would have. */
    public static void event(UUID agencyId, UUID assetId, String type, String source, String message, long revenue) {
        update(
                "insert into asset_events (agency_id, asset_id, event_type, source, message_uuid, revenue, occurred_at)"
                        + " values (?, ?, ?, ?, ?, ?, now())",
                agencyId,
                assetId,
                type,
                source,
                message,
                revenue);
    }

    /** Writes a performance row directly (a stale or hand-made one). */
    public static void performance(UUID agencyId, UUID assetId, long sent, long unlocked, long revenue, String rate) {
        update(
                "insert into vault_performance (asset_id, agency_id, times_sent, times_unlocked, total_revenue,"
                        + " conversion_rate) values (?, ?, ?, ?, ?, ?) on conflict (asset_id) do update set"
                        + " times_sent = excluded.times_sent, times_unlocked = excluded.times_unlocked,"
                        + " total_revenue = excluded.total_revenue, conversion_rate = excluded.conversion_rate",
                assetId,
                agencyId,
                sent,
                unlocked,
                revenue,
                new BigDecimal(rate));
    }

    /** The asset's performance as (sent, unlocked, revenue, conversion), or null without a row. */
    public static Stored performanceOf(UUID assetId) {
        try (Connection c = TestDatabase.get().connect();
                PreparedStatement q = c.prepareStatement("select times_sent, times_unlocked, total_revenue,"
                        + " conversion_rate from vault_performance where asset_id = ?")) {
            q.setObject(1, assetId);
            try (ResultSet rows = q.executeQuery()) {
                return rows.next()
                        ? new Stored(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getBigDecimal(4))
                        : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single value {@code sql} selects, as a long. */
    public static long count(String sql, Object... parameters) {
        try (Connection c = TestDatabase.get().connect();
                PreparedStatement q = c.prepareStatement(sql)) {
            bind(c, q, parameters);
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One text-array column of an asset. */
    public static List<String> textArray(UUID assetId, String column) {
        try (Connection c = TestDatabase.get().connect();
                PreparedStatement q = c.prepareStatement("select " + column + " from content_assets where id = ?")) {
            q.setObject(1, assetId);
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return List.of((String[]) rows.getArray(1).getArray());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs an insert or update with positional parameters. */
    public static int update(String sql, Object... parameters) {
        try (Connection c = TestDatabase.get().connect();
                PreparedStatement q = c.prepareStatement(sql)) {
            bind(c, q, parameters);
            return q.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(Connection c, PreparedStatement q, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof List<?> list) {
                Array array = c.createArrayOf("text", list.toArray());
                q.setArray(i + 1, array);
            } else if (value instanceof Instant instant) {
                q.setTimestamp(i + 1, Timestamp.from(instant));
            } else {
                q.setObject(i + 1, value);
            }
        }
    }

    /** A performance row as stored. */
    public record Stored(long sent, long unlocked, long revenue, BigDecimal conversion) {}

    /** A content asset being seeded. */
    public static final class Asset {
        private final UUID agencyId;
        private final UUID modelId;
        private final String fileName;
        private String mediaType = "image";
        private String contentType = "ppv";
        private List<String> folders = List.of("Main");
        private List<String> tags = new ArrayList<>(List.of("Main", "fanvue-vault"));
        private List<String> userTags = List.of();
        private boolean removed;
        private Instant createdAt = Instant.parse("2025-01-01T00:00:00Z");

        private Asset(UUID agencyId, UUID modelId, String fileName) {
            this.agencyId = agencyId;
            this.modelId = modelId;
            this.fileName = fileName;
        }

        public Asset mediaType(String value) {
            mediaType = value;
            return this;
        }

        public Asset contentType(String value) {
            contentType = value;
            return this;
        }

        /** The folders the asset is in; the first is {@code fanvue_folder}; tags become them + fanvue-vault. */
        public Asset folders(String... values) {
            folders = List.of(values);
            tags = new ArrayList<>(folders);
            tags.add("fanvue-vault");
            return this;
        }

        public Asset userTags(String... values) {
            userTags = List.of(values);
            return this;
        }

        public Asset removed() {
            removed = true;
            return this;
        }

        public Asset createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        public UUID insert() {
            try (Connection c = TestDatabase.get().connect();
                    PreparedStatement q = c.prepareStatement(
                            "insert into content_assets (agency_id, model_id, fanvue_media_uuid, fanvue_folder,"
                                    + " fanvue_folders, file_name, media_type, content_type, tags, user_tags,"
                                    + " status, removed_at, created_at)"
                                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")) {
                bind(
                        c,
                        q,
                        agencyId,
                        modelId,
                        UUID.randomUUID(),
                        folders.isEmpty() ? null : folders.get(0),
                        folders,
                        fileName,
                        mediaType,
                        contentType,
                        tags,
                        userTags,
                        removed ? "removed" : "active",
                        removed ? Instant.parse("2025-06-01T00:00:00Z") : null,
                        createdAt);
                try (ResultSet rows = q.executeQuery()) {
                    rows.next();
                    return rows.getObject(1, UUID.class);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
