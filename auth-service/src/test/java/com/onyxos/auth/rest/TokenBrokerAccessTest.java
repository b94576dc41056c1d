package com.onyxos.auth.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TestIssuer;
import com.onyxos.common.testing.TestTokens;
import com.onyxos.common.testing.TestUser;
import com.onyxos.common.testing.TestUsers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who may ask the broker for Fanvue tokens: only bearer tokens with the {@code service} role, signed by the configured
 * issuer's key and naming that issuer. Everyone else is refused before any lookup (401 or 403 problems).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
class TokenBrokerAccessTest {

    private static final String BROKER = "/internal/v1/fanvue-tokens";
    private static final String BODY = "{\"agencyId\":\"" + UUID.randomUUID() + "\"}";

    @Test
    void aServiceRoleTokenFromTheIssuerIsServed() {
        // No connection exists for the agency, so the served answer is the broker's 404, not an access refusal.
        ask(given().auth().oauth2(TestUsers.SERVICE.token()))
                .statusCode(404)
                .body("code", equalTo("fanvue_not_connected"));
    }

    @Test
    void aClientCredentialsTokenAsTheTestIssuerHandsItOutIsServed() {
        ask(given().auth().oauth2(TestIssuer.serviceToken(Duration.ofMinutes(5)).value()))
                .statusCode(404);
    }

    @Test
    void usersAndOperatorsAreForbidden() {
        ask(TestUsers.AGENCY_ADMIN.request()).statusCode(403).body("code", equalTo("forbidden"));
        ask(TestUsers.OPS.request()).statusCode(403).body("code", equalTo("forbidden"));
        ask(new TestUser("service-account-impostor", Set.of("services", "Service")).request())
                .statusCode(403);
    }

    @Test
    void aServiceRoleTokenFromAnotherIssuerIsUnauthenticated() {
        ask(given().auth().oauth2(TestTokens.wrongIssuer(TestUsers.SERVICE)))
                .statusCode(401)
                .body("code", equalTo("unauthenticated"));
    }

    @Test
    void aServiceRoleTokenSignedByAnotherKeyIsUnauthenticated() {
        ask(given().auth().oauth2(TestTokens.signedByUnknownKey(TestUsers.SERVICE)))
                .statusCode(401);
    }

    @Test
    void anExpiredServiceTokenOrNoneIsUnauthenticated() {
        ask(given().auth().oauth2(TestTokens.expired(TestUsers.SERVICE))).statusCode(401);
        ask(given()).statusCode(401);
    }

    private static io.restassured.response.ValidatableResponse ask(RequestSpecification request) {
        return request.contentType("application/json")
                .body(BODY)
                .when()
                .post(BROKER)
                .then();
    }
}
