package com.onyxos.common.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** The running simulator's admin API ({@code /_simulator}), for tests: reset, faults, journal, tokens, world. */
public final class SimulatorAdmin {

    private SimulatorAdmin() {}

    /** The simulator's base URL (API and OAuth server). */
    public static String baseUrl() {
        return FanvueSimulatorResource.ensureStarted();
    }

    /** A fresh world from the same settings; faults, journal, tokens and counters cleared. */
    public static JsonPath reset() {
        return reset(Map.of());
    }

    /**
     * A fresh world with some settings changed ({@code accessTokenTtlSeconds}, {@code seed}, sizes...); they stay
     * for later resets, so a test that changes one sets it back.
     */
    public static JsonPath reset(Map<String, ?> overrides) {
        return given().baseUri(baseUrl())
                .contentType(ContentType.JSON)
                .body(overrides)
                .post("/_simulator/reset")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The world summary: agencies (uuid, name, admin, creators), demo user. */
    public static JsonPath world() {
        return given().baseUri(baseUrl())
                .get("/_simulator/world")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Adds a fault rule (see the simulator's README); returns its id. */
    public static String addFault(Map<String, Object> rule) {
        return given().baseUri(baseUrl())
                .contentType(ContentType.JSON)
                .body(rule)
                .post("/_simulator/faults")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static void clearFaults() {
        given().baseUri(baseUrl()).delete("/_simulator/faults").then().statusCode(204);
    }

    /** Journal entries matching the filters ({@code grantType}, {@code path}, {@code route}, {@code status}...). */
    public static List<Map<String, Object>> journal(Map<String, ?> filters) {
        return given().baseUri(baseUrl())
                .queryParams(filters)
                .get("/_simulator/journal")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    /** Fails unless the simulator accepts {@code accessToken} (a {@code GET /users/me} with it answers 200). */
    public static void assertAccepts(String accessToken) {
        given().baseUri(baseUrl())
                .auth()
                .oauth2(accessToken)
                .header("X-Fanvue-API-Version", "2025-06-26")
                .get("/users/me")
                .then()
                .statusCode(200);
    }

    /** How many refresh_token grants the simulator received. */
    public static int refreshGrants() {
        return journal(Map.of("grantType", "refresh_token")).size();
    }

    public static void clearJournal() {
        given().baseUri(baseUrl()).delete("/_simulator/journal").then().statusCode(204);
    }

    /** Counters: requests, tooManyRequests, earlyRequests, refreshGrants, revokedGrants. */
    public static JsonPath stats() {
        return given().baseUri(baseUrl())
                .get("/_simulator/stats")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** An access token of the user with every read scope the services use (valid an hour, no refresh token). */
    public static String issueToken(String userUuid) {
        return given().baseUri(baseUrl())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "userUuid",
                        userUuid,
                        "scopes",
                        List.of(
                                "read:self",
                                "read:creator",
                                "read:media",
                                "read:chat",
                                "read:insights",
                                "read:post",
                                "read:fan",
                                "read:agency",
                                "read:tracking_links"),
                        "ttlSeconds",
                        3600))
                .post("/_simulator/tokens")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** Every answer waits {@code fixedMs} plus up to {@code randomMs} more. */
    public static void latency(int fixedMs, int randomMs) {
        given().baseUri(baseUrl())
                .contentType(ContentType.JSON)
                .body(Map.of("fixedMs", fixedMs, "randomMs", randomMs))
                .put("/_simulator/latency")
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
    }

    /** A fresh world of another size (same seed); faults, journal, tokens and counters cleared. */
    public static JsonPath reset(int agencies, int creatorsPerAgency) {
        return reset(Map.of("agencies", agencies, "creatorsPerAgency", creatorsPerAgency));
    }

    /** Expires the access tokens of a user (every user when null). */
    public static void expireTokens(String userUuid) {
        given().baseUri(baseUrl())
                .contentType(ContentType.JSON)
                .body(userUuid == null ? Map.of() : Map.of("userUuid", userUuid))
                .post("/_simulator/tokens/expire")
                .then()
                .statusCode(200);
    }
}
