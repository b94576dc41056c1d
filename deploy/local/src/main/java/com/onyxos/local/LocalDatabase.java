package com.onyxos.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The stack's PostgreSQL: embedded (linux-amd64 binaries), data kept in {@code dataDir/postgres} and reused on the
 * next start, database {@value #DATABASE}; the shared schema is migrated here once, before any service starts.
 */
public final class LocalDatabase implements AutoCloseable {

    public static final String DATABASE = "onyx";
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final boolean reused;

    private LocalDatabase(EmbeddedPostgres postgres, boolean reused) {
        this.postgres = postgres;
        this.reused = reused;
    }

    /** Starts PostgreSQL on {@code port} with its data in {@code dataDir}, creating the database on first start. */
    public static LocalDatabase start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            boolean reused = Files.exists(dataDir.resolve("PG_VERSION"));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    // A laptop's demo database: losing the last second of writes in a power cut is fine.
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            LocalDatabase database = new LocalDatabase(postgres, reused);
            database.createDatabase();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL in " + dataDir, e);
        }
    }

    /** Whether the data folder was there before (a second start). */
    public boolean reused() {
        return reused;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    public String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** Applies the pending migrations of common's {@code db/migration}; returns how many were applied. */
    public int migrate() {
        MigrateResult result = Flyway.configure(LocalDatabase.class.getClassLoader())
                .dataSource(jdbcUrl(), USER, PASSWORD)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return result.migrationsExecuted;
    }

    /** A JDBC connection to the stack's database. */
    public Connection connect() throws SQLException {
        return postgres.getDatabase(USER, DATABASE).getConnection();
    }

    private void createDatabase() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet exists =
                        statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                statement.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + DATABASE, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("Could not stop PostgreSQL cleanly: " + e.getMessage());
        }
    }
}
