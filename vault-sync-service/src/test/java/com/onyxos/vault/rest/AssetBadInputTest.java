package com.onyxos.vault.rest;

import static com.onyxos.vault.VaultFixtures.as;
import static com.onyxos.vault.VaultFixtures.asset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.vault.VaultFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input anywhere in the vault API is a 4xx problem+json with a stable code, never a 5xx. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class AssetBadInputTest {

    private UUID assetId;

    @BeforeEach
    void seed() {
        TestDatabase.truncateAll();
        UUID agency = TestTenants.seed().agencyA();
        assetId = asset(agency, TestTenants.creator(agency, UUID.randomUUID(), "alice"), "a.jpg")
                .insert();
    }

    @Test
    void malformedIdsAre400NotA404OrA500() {
        for (String id : List.of("nope", "1-2-3-4-5", "00000000-0000-0000-0000-00000000000g", "%20")) {
            expectProblem(as(TestUsers.AGENCY_MEMBER).get("/api/vault/assets/" + id), 400, "invalid_input");
            expectProblem(
                    json().body(Map.of("contentType", "free")).patch("/api/vault/assets/" + id), 400, "invalid_input");
            expectProblem(
                    json().body(AssetEventTest.event("sent", "m", null)).post("/api/vault/assets/" + id + "/events"),
                    400,
                    "invalid_input");
        }
        expectProblem(
                as(TestUsers.AGENCY_MEMBER).queryParam("modelId", "x").get("/api/vault/assets"), 400, "invalid_input");
    }

    @Test
    void badEventsAre400AndRecordNothing() {
        List<Map<String, Object>> bad = List.of(
                Map.of("type", "clicked", "messageUuid", "m"),
                Map.of("type", "SENT", "messageUuid", "m"),
                Map.of("type", "unlocked", "messageUuid", "m", "revenue", -1),
                Map.of("type", "unlocked", "messageUuid", "m", "revenue", 1_000_000_001L),
                Map.of("type", "unlocked", "messageUuid", "m", "revenue", "ten"),
                Map.of("type", "unlocked", "messageUuid", "m", "revenue", 1.5),
                Map.of("type", "sent", "messageUuid", "m", "revenue", 100),
                Map.of("type", "sent"),
                Map.of("type", "sent", "messageUuid", "   "),
                Map.of("type", "sent", "messageUuid", "m".repeat(256)),
                Map.of("messageUuid", "m"),
                Map.of("type", "sent", "messageUuid", "m", "at", "yesterday"),
                Map.of(
                        "type",
                        "sent",
                        "messageUuid",
                        "m",
                        "at",
                        Instant.now().plus(1, ChronoUnit.DAYS).toString()));
        for (Map<String, Object> body : bad) {
            Response response = json().body(body).post("/api/vault/assets/" + assetId + "/events");
            assertThat(response.statusCode()).as(body.toString()).isEqualTo(400);
            assertThat(response.contentType()).as(body.toString()).startsWith("application/problem+json");
        }
        assertThat(VaultFixtures.count("select count(*) from asset_events")).isZero();
    }

    @Test
    void malformedJsonAndWrongShapesAre400() {
        for (String body : List.of("{", "[]", "\"sent\"", "{\"type\":\"sent\",\"messageUuid\":\"m\"} trailing")) {
            Response response = json().body(body).post("/api/vault/assets/" + assetId + "/events");
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        expectProblem(
                json().body("{\"tags\": [\"a\", null]}").patch("/api/vault/assets/" + assetId), 400, "invalid_input");
        expectProblem(json().body("{\"tags\": \"a\"}").patch("/api/vault/assets/" + assetId), 400, "invalid_body");
    }

    @Test
    void aNumberIsNotAnInstantAndNulNeverReachesTheDatabase() {
        expectProblem(
                        json().body("{\"type\":\"sent\",\"messageUuid\":\"m\",\"at\":12345}")
                                .post("/api/vault/assets/" + assetId + "/events"),
                        400,
                        "invalid_body")
                .body("errors[0].field", equalTo("body.at"));
        expectProblem(
                        json().body("{\"type\":\"sent\",\"messageUuid\":\"m\\u0000\"}")
                                .post("/api/vault/assets/" + assetId + "/events"),
                        400,
                        "invalid_input")
                .body("errors[0].field", equalTo("body.messageUuid"));
        expectProblem(
                        as(TestUsers.AGENCY_MEMBER).urlEncodingEnabled(false).get("/api/vault/assets?q=a%00b"),
                        400,
                        "invalid_input")
                .body("errors[0].field", equalTo("query.q"));
        assertThat(VaultFixtures.count("select count(*) from asset_events")).isZero();
    }

    @Test
    void anOversizeBodyIs413() {
        String huge = "{\"tags\": [\"" + "x".repeat(1_100_000) + "\"]}";
        expectProblem(json().body(huge).patch("/api/vault/assets/" + assetId), 413, "payload_too_large");
    }

    @Test
    void badCursorsAre400() {
        String otherVersion = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("v2|created|2025-01-01T00:00:00Z|" + assetId).getBytes(StandardCharsets.UTF_8));
        String badKey = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("v1|revenue|lots|" + assetId).getBytes(StandardCharsets.UTF_8));
        String badId = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("v1|created|2025-01-01T00:00:00Z|nope".getBytes(StandardCharsets.UTF_8));
        for (String cursor : List.of("%%%", "not base64!", otherVersion, badKey, badId, "x".repeat(1001))) {
            Response response = as(TestUsers.AGENCY_MEMBER)
                    .queryParam("cursor", cursor)
                    .queryParam("sort", cursor.equals(badKey) ? "revenue" : "created")
                    .get("/api/vault/assets");
            assertThat(response.statusCode()).as(cursor).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void badListParametersAre400() {
        for (Map<String, String> query : List.of(
                Map.of("limit", "0"),
                Map.of("limit", "201"),
                Map.of("limit", "ten"),
                Map.of("limit", "99999999999"),
                Map.of("sort", "price"),
                Map.of("status", "deleted"),
                Map.of("q", "x".repeat(201)))) {
            expectProblem(
                    as(TestUsers.AGENCY_MEMBER).queryParams(query).get("/api/vault/assets"), 400, "invalid_input");
        }
        as(TestUsers.AGENCY_MEMBER)
                .queryParam("limit", "200")
                .get("/api/vault/assets")
                .then()
                .statusCode(200);
    }

    @Test
    void withoutATokenEveryEndpointIs401() {
        for (Response response : List.of(
                RestAssured.get("/api/vault/assets"),
                RestAssured.get("/api/vault/assets/" + assetId),
                RestAssured.get("/api/vault/roi/folders"),
                RestAssured.get("/api/vault/roi/best-sellers"))) {
            assertThat(response.statusCode()).isEqualTo(401);
        }
    }

    private static io.restassured.specification.RequestSpecification json() {
        return as(TestUsers.AGENCY_MEMBER).contentType(ContentType.JSON);
    }

    private static io.restassured.response.ValidatableResponse expectProblem(
            Response response, int status, String code) {
        return response.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("code", equalTo(code));
    }
}
