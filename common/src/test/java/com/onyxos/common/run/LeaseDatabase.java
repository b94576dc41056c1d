package com.onyxos.common.run;

import com.onyxos.common.testing.LeaseSessions;
import com.onyxos.common.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.util.Optional;
import org.flywaydb.core.Flyway;

/** The run-lease tests' database: migrated test PostgreSQL, reactive pools on it, plain JDBC for checks. */
final class LeaseDatabase {

    private LeaseDatabase() {}

    static void migrate() {
        TestDatabase.Coordinates db = TestDatabase.get();
        Flyway.configure()
                .dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** A reactive pool of its own, as a separate process would have. */
    static Pool pool(Vertx vertx) {
        return PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(6))
                .connectingTo(TestDatabase.get().connectOptions())
                .using(vertx)
                .build();
    }

    static RunLeases leases(Vertx vertx, Pool pool, Settings settings, MeterRegistry registry) {
        return new RunLeases(vertx, pool, settings, registry, "lease-test");
    }

    static long count(String sql) {
        return Long.parseLong(text(sql));
    }

    static String text(String sql) {
        return TestDatabase.text(sql);
    }

    static void execute(String sql) {
        TestDatabase.execute(sql);
    }

    static boolean lockHeld(String owner) {
        return LeaseSessions.held(owner);
    }

    static long terminateSession(String owner) {
        return LeaseSessions.cut(owner);
    }

    /** Lease settings for tests: short heartbeats so the tests wait little. */
    record Settings(Duration heartbeatEvery, Duration deadAfter) implements RunLeaseConfig {

        static final Settings FAST = new Settings(Duration.ofMillis(200), Duration.ofSeconds(2));

        @Override
        public Duration reconnectEvery() {
            return Duration.ofMillis(100);
        }

        @Override
        public Optional<String> instanceId() {
            return Optional.of("test-instance");
        }
    }
}
