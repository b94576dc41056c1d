package com.onyxos.simulator.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The runnable app: health and metrics, the simulator mounted on Quarkus's router, Fanvue's 404 for the rest. */
@QuarkusTest
class SimulatorAppTest {

    @Test
    void healthIsUp() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsArePublished() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void unknownPathAnswersLikeFanvueWithAMessageBody() {
        given().when()
                .get("/no-such-endpoint")
                .then()
                .statusCode(404)
                .contentType("application/json")
                .body("$", aMapWithSize(1))
                .body("message", equalTo("Not Found"));
    }

    @Test
    void simulatorIsMountedWithTheConfiguredWorld() {
        given().when()
                .get("/_simulator/world")
                .then()
                .statusCode(200)
                .body("seed", equalTo(42))
                .body("agencies", hasSize(2))
                .body("agencies[0].creators", hasSize(3))
                .body("demoUser.uuid", notNullValue());
        given().when().get("/users/me").then().statusCode(400).body("error", notNullValue());
    }
}
