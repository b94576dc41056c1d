package com.onyxos.common.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an embedded PostgreSQL for local development on the port the {@code %dev} profile expects (54329, database
 * {@code onyx}, user and password {@code postgres}), keeping its data in {@code .local/postgres} between runs.
 * Stop it with Ctrl-C. Started from the README's local-run command.
 */
public final class LocalPostgres {

    /** The port {@code %dev.quarkus.datasource.*.url} points at. */
    public static final int PORT = 54329;

    private LocalPostgres() {}

    public static void main(String[] args) throws Exception {
        Path dataDirectory =
                Path.of(args.length > 0 ? args[0] : ".local/postgres").toAbsolutePath();
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(PORT)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = 'onyx'")) {
                if (!exists.next()) {
                    statement.execute("create database onyx");
                }
            }
        }
        System.out.printf(
                "PostgreSQL ready on localhost:%d, database onyx, user postgres (data in %s). Ctrl-C stops it.%n",
                PORT, dataDirectory);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("Could not stop PostgreSQL cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }));
        stopped.await();
    }
}
