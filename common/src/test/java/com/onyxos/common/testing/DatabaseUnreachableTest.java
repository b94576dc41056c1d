package com.onyxos.common.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

/**
 * A service whose database is unreachable still starts: readiness is DOWN and says why, liveness stays UP so
 * Kubernetes does not restart a healthy process for someone else's outage. A service's test extends this with
 * {@code @QuarkusTest} and {@code @TestProfile(DatabaseUnreachableProfile.class)}.
 */
public abstract class DatabaseUnreachableTest {

    @Test
    void readinessIsDownNamingTheDatabase() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.findAll { it.status == 'DOWN' }.name", hasItem(containsString("PostgreSQL")))
                .body("checks.findAll { it.status == 'DOWN' }.data.'<default>'", hasItem(not(equalTo("UP"))));
    }

    @Test
    void livenessStaysUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void requestsNeedingTheDatabaseGetAProblemNotAHang() {
        TestUsers.OPS
                .request()
                .when()
                .get("/ops/v1/schema")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("code", equalTo("database_unavailable"))
                .body(not(containsString("Exception")));
    }
}
