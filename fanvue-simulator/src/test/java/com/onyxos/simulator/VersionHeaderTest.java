package com.onyxos.simulator;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The X-Fanvue-API-Version rules: required on API paths only; 400, 410 and deprecation headers. */
class VersionHeaderTest {
    static SimFixture fx;
    static String token;

    @BeforeAll
    static void start() {
        fx = SimFixture.start(SimulatorSettings.defaults()
                .withDeprecatedVersions(List.of("2024-12-01"))
                .withRetiredVersions(List.of("2024-01-01")));
        token = fx.fullToken(fx.admin(0));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void missingVersionIs400WithErrorAndMessage() {
        fx.plain()
                .header("Authorization", "Bearer " + token)
                .get("/users/me")
                .then()
                .statusCode(400)
                .body("$", aMapWithSize(2))
                .body("error", notNullValue())
                .body("message", notNullValue());
    }

    @Test
    void unknownVersionIs400() {
        fx.plain()
                .header("Authorization", "Bearer " + token)
                .header("X-Fanvue-API-Version", "1999-01-01")
                .get("/users/me")
                .then()
                .statusCode(400)
                .body("error", notNullValue())
                .body("message", notNullValue());
    }

    @Test
    void versionIsCheckedBeforeTheToken() {
        fx.plain().get("/users/me").then().statusCode(400);
    }

    @Test
    void retiredVersionIs410NamingTheNextVersion() {
        fx.plain()
                .header("Authorization", "Bearer " + token)
                .header("X-Fanvue-API-Version", "2024-01-01")
                .get("/users/me")
                .then()
                .statusCode(410)
                .body("$", aMapWithSize(3))
                .body("error", notNullValue())
                .body("message", notNullValue())
                .body("nextVersion", equalTo(SimFixture.VERSION));
    }

    @Test
    void deprecatedVersionAnswersWithDeprecationHeaders() {
        fx.plain()
                .header("Authorization", "Bearer " + token)
                .header("X-Fanvue-API-Version", "2024-12-01")
                .get("/users/me")
                .then()
                .statusCode(200)
                .header("Deprecation", notNullValue())
                .header("Sunset", equalTo("Tue, 1 Jun 2027 00:00:00 GMT"))
                .header("X-Fanvue-API-Next-Version", equalTo(SimFixture.VERSION));
    }

    @Test
    void supportedVersionHasNoDeprecationHeaders() {
        fx.api(token).get("/users/me").then().statusCode(200).header("Deprecation", nullValue());
    }

    @Test
    void oauthAndAdminPathsDoNotNeedTheHeader() {
        fx.plain().get("/_simulator/world").then().statusCode(200);
        fx.plain()
                .formParam("grant_type", "refresh_token")
                .post("/oauth2/token")
                .then()
                .statusCode(not(400))
                .statusCode(401);
    }
}
