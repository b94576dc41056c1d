package com.onyxos.simulator;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin HTTP API under /_simulator: world, reset, tokens, expiry, faults, latency, stats. */
class AdminApiTest {
    SimFixture fx;

    @BeforeEach
    void start() {
        fx = SimFixture.start();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void worldSummaryNamesAgenciesAdminsCreatorsAndTheDemoUser() {
        fx.plain()
                .get("/_simulator/world")
                .then()
                .statusCode(200)
                .body("seed", equalTo(42))
                .body("demoUser.uuid", equalTo(fx.admin(0)))
                .body("agencies", hasSize(2))
                .body("agencies[1].admin.handle", equalTo("agency2_admin"))
                .body("agencies[1].creators.uuid", equalTo(fx.agency(1).creatorUuids()))
                .body("agencies[0].creators[0].media", equalTo(60));
    }

    @Test
    void resetWithOverridesRegeneratesAndForgetsTokens() {
        String token = fx.fullToken(fx.admin(0));
        String before = fx.admin(0);
        fx.plain()
                .contentType("application/json")
                .body(Map.of("seed", 99, "agencies", 3, "creatorsPerAgency", 1))
                .post("/_simulator/reset")
                .then()
                .statusCode(200)
                .body("seed", equalTo(99))
                .body("agencies", hasSize(3))
                .body("agencies[0].admin.uuid", not(equalTo(before)));
        fx.api(token).get("/users/me").then().statusCode(401);
    }

    @Test
    void tokensAreIssuedAndExpiredOverHttp() {
        String user = fx.creator(0, 0);
        String access = fx.plain()
                .contentType("application/json")
                .body(Map.of("userUuid", user, "scopes", List.of("read:self"), "offlineAccess", true))
                .post("/_simulator/tokens")
                .then()
                .statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("refresh_token", notNullValue())
                .body("scope", equalTo("read:self offline_access"))
                .extract()
                .path("access_token");
        fx.api(access).get("/users/me").then().statusCode(200).body("uuid", equalTo(user));
        fx.plain()
                .contentType("application/json")
                .body(Map.of("userUuid", user))
                .post("/_simulator/tokens/expire")
                .then()
                .statusCode(200)
                .body("expired", equalTo(1));
        fx.api(access).get("/users/me").then().statusCode(401);
        fx.plain()
                .contentType("application/json")
                .body(Map.of("userUuid", "nobody", "scopes", List.of()))
                .post("/_simulator/tokens")
                .then()
                .statusCode(400);
    }

    @Test
    void faultsAndLatencyOverHttp() {
        String token = fx.fullToken(fx.admin(0));
        String id = fx.plain()
                .contentType("application/json")
                .body(Map.of("path", "/users/*", "kind", "error", "status", 502, "count", 5))
                .post("/_simulator/faults")
                .then()
                .statusCode(201)
                .body("id", notNullValue())
                .extract()
                .path("id");
        fx.api(token).get("/users/me").then().statusCode(502);
        fx.plain()
                .get("/_simulator/faults")
                .then()
                .body("[0].count", equalTo(4))
                .body("[0].kind", equalTo("error"));
        fx.plain().delete("/_simulator/faults/" + id).then().statusCode(204);
        fx.plain().delete("/_simulator/faults/" + id).then().statusCode(404);
        fx.api(token).get("/users/me").then().statusCode(200);
        fx.plain()
                .contentType("application/json")
                .body(Map.of("path", "/x", "kind", "meteor"))
                .post("/_simulator/faults")
                .then()
                .statusCode(400);
        fx.plain()
                .contentType("application/json")
                .body(Map.of("fixedMs", 5, "randomMs", 0))
                .put("/_simulator/latency")
                .then()
                .statusCode(204);
        fx.plain().delete("/_simulator/faults").then().statusCode(204);
        fx.plain()
                .get("/_simulator/stats")
                .then()
                .statusCode(200)
                .body("requests", equalTo(2))
                .body("tooManyRequests", equalTo(0))
                .body("earlyRequests", equalTo(0));
    }

    @Test
    void adminPathsAreNotFanvuePaths() {
        fx.plain().get("/_simulator/nothing").then().statusCode(404).body("message", equalTo("Not Found"));
        fx.plain().get("/_simulator/world").then().header("X-RateLimit-Limit", nullValue());
    }
}
