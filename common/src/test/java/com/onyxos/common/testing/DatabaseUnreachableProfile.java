package com.onyxos.common.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Starts a service with its database pointing at a closed port, as after a database outage. */
public class DatabaseUnreachableProfile implements QuarkusTestProfile {

    /** A loopback port nothing listens on. */
    public static final String CLOSED = "localhost:1";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + CLOSED + "/onyx",
                "quarkus.datasource.reactive.url", "postgresql://" + CLOSED + "/onyx",
                "quarkus.datasource.username", "onyx",
                "quarkus.datasource.password", "unused",
                "quarkus.flyway.migrate-at-start", "false");
    }
}
