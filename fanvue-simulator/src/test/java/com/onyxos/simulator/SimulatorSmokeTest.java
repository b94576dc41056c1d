package com.onyxos.simulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The simulator runs with health, metrics and OpenAPI, and answers unknown paths the way Fanvue does. */
@QuarkusTest
class SimulatorSmokeTest {

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
    void openApiIsPublished() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200);
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
}
