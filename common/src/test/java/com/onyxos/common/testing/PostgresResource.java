package com.onyxos.common.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at this JVM's test database (see {@link TestDatabase}) and applies the shared
 * migrations at start. Data is emptied before every test class by {@link CleanDatabaseCallback}.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestDatabase.Coordinates db = TestDatabase.get();
        return Map.of(
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.reactive.url", db.reactiveUrl(),
                "quarkus.datasource.username", db.user(),
                "quarkus.datasource.password", db.password(),
                "quarkus.flyway.migrate-at-start", "true");
    }

    @Override
    public void stop() {
        // The database lives as long as the JVM: starting it again for every test class would cost seconds.
    }
}
