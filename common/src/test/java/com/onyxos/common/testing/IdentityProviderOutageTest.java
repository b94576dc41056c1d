package com.onyxos.common.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service's identity provider goes away and comes back: while it is away (from the service's start on) every
 * authenticated request answers 503 {@code identity_provider_unavailable} with {@code Retry-After} and readiness
 * says why; once it is back the same service, never restarted, accepts tokens and is ready again. A service's test
 * extends this with {@code @QuarkusTest}, {@code @WithTestResource(PostgresResource.class)} and
 * {@code @WithTestResource(StubIdentityProviderResource.class)}.
 */
public abstract class IdentityProviderOutageTest {

    private static StubIdentityProvider provider;

    @BeforeAll
    static void providerIsDown() {
        provider = new StubIdentityProvider(StubIdentityProviderResource.port());
    }

    @AfterAll
    static void closeProvider() {
        provider.close();
    }

    @Test
    void anOutageIsA503AndTheServiceRecoversWhenTheProviderIsBack() {
        outage();

        provider.start();
        readiness(200, "UP");
        TestUsers.OPS.request().get("/ops/v1/schema").then().statusCode(200);

        // Keys already fetched keep tokens verifiable through a later outage; readiness reports it all the same.
        provider.stop();
        TestUsers.OPS.request().get("/ops/v1/schema").then().statusCode(200);
        readiness(503, "DOWN");
        provider.start();
        readiness(200, "UP");
    }

    private static void outage() {
        TestUsers.OPS
                .request()
                .get("/ops/v1/schema")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("code", equalTo("identity_provider_unavailable"))
                .body(not(containsString("Exception")))
                .body(not(containsString("OIDC Server")));
        // A request without a token needs no provider: still the usual 401.
        given().get("/ops/v1/schema").then().statusCode(401).body("code", equalTo("unauthenticated"));
        readiness(503, "DOWN");
    }

    private static void readiness(int status, String identityProvider) {
        given().get("/q/health/ready")
                .then()
                .statusCode(status)
                .body("checks.find { it.name == 'Identity provider' }.status", equalTo(identityProvider))
                .body("checks.name", hasItem("Identity provider"));
    }
}
