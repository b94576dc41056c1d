package com.onyxos.auth.rest;

import static com.onyxos.auth.testing.ProblemAssertions.assertProblem;

import com.onyxos.auth.testing.MfaClient;
import com.onyxos.auth.testing.PinnedClockUserTest;
import com.onyxos.common.security.StepUp;
import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link StepUp#require} as other endpoints use it (through a test-only endpoint guarded by it). */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
class StepUpTest extends PinnedClockUserTest {

    @Test
    void aUserWithoutFactorsPasses() {
        probe(Map.of()).then().statusCode(204);
    }

    @Test
    void aPendingFactorAloneDoesNotRequireStepUp() {
        client.enroll();

        probe(Map.of()).then().statusCode(204);
    }

    @Test
    void aVerifiedFactorWithoutStepUpIsRefused() {
        client.enrollVerified();

        assertProblem(probe(Map.of("sid", "a-new-session")), 403, StepUp.REQUIRED_CODE);
    }

    @Test
    void afterVerifyingInTheSameSessionTheUserPasses() {
        MfaClient.Factor factor = client.enrollVerified();
        assertProblem(probe(Map.of("sid", "laptop")), 403, StepUp.REQUIRED_CODE);

        clock.advance(Duration.ofSeconds(30));
        client.verify(factor.id(), client.code(factor, Duration.ZERO), Map.of("sid", "laptop"))
                .then()
                .statusCode(200);

        probe(Map.of("sid", "laptop")).then().statusCode(204);
    }

    @Test
    void aStepUpInOneSessionDoesNotCountInAnother() {
        client.enrollVerified(); // steps up the default session

        probe(Map.of()).then().statusCode(204);
        assertProblem(probe(Map.of("sid", "other-session")), 403, StepUp.REQUIRED_CODE);
    }

    @Test
    void aStepUpExpires() {
        client.enrollVerified();
        clock.advance(Duration.ofHours(12).minusSeconds(1));
        probe(Map.of()).then().statusCode(204);

        clock.advance(Duration.ofSeconds(1));
        assertProblem(probe(Map.of()), 403, StepUp.REQUIRED_CODE);
    }

    @Test
    void aTokenWhoseProviderCheckedASecondFactorPasses() {
        client.enrollVerified();

        probe(Map.of("sid", "sso-session", "amr", List.of("pwd", "mfa"))).then().statusCode(204);
        assertProblem(probe(Map.of("sid", "sso-session", "amr", List.of("pwd"))), 403, StepUp.REQUIRED_CODE);
    }

    @Test
    void aTokenWithoutSessionUsesItsTokenIdAsTheSession() {
        MfaClient.Factor factor = client.enrollVerified();
        Map<String, Object> sessionless = Map.of("sid", "", "jti", "token-1");

        assertProblem(probe(sessionless), 403, StepUp.REQUIRED_CODE);
        clock.advance(Duration.ofSeconds(30));
        client.verify(factor.id(), client.code(factor, Duration.ZERO), sessionless)
                .then()
                .statusCode(200);
        probe(sessionless).then().statusCode(204);
        assertProblem(probe(Map.of("sid", "", "jti", "token-2")), 403, StepUp.REQUIRED_CODE);
    }

    @Test
    void aVeryLongSessionIdStillWorks() {
        MfaClient.Factor factor = client.enrollVerified();
        Map<String, Object> longSession = Map.of("sid", "s".repeat(400));

        clock.advance(Duration.ofSeconds(30));
        client.verify(factor.id(), client.code(factor, Duration.ZERO), longSession)
                .then()
                .statusCode(200);
        probe(longSession).then().statusCode(204);
        assertProblem(probe(Map.of("sid", "s".repeat(399))), 403, StepUp.REQUIRED_CODE);
    }

    @Test
    void aTokenServedFromTheVerifiedTokenCacheKeepsItsOwnClaimsAndTheLiveStepUp() {
        MfaClient.Factor factor = client.enrollVerified();
        String providerMfa = TestTokens.mint(client.user(), Map.of("sid", "sso", "amr", List.of("pwd", "mfa")));
        String passwordOnly = TestTokens.mint(client.user(), Map.of("sid", "sso", "amr", List.of("pwd")));
        String laptop = TestTokens.mint(client.user(), Map.of("sid", "laptop"));
        for (int round = 0; round < 3; round++) {
            probe(providerMfa).then().statusCode(204);
            assertProblem(probe(passwordOnly), 403, StepUp.REQUIRED_CODE);
            assertProblem(probe(laptop), 403, StepUp.REQUIRED_CODE);
        }

        // The step-up itself is read per request, never kept with the token: the same cached token passes now.
        clock.advance(Duration.ofSeconds(30));
        client.verify(factor.id(), client.code(factor, Duration.ZERO), Map.of("sid", "laptop"))
                .then()
                .statusCode(200);
        probe(laptop).then().statusCode(204);
        assertProblem(probe(passwordOnly), 403, StepUp.REQUIRED_CODE);
    }

    private static Response probe(String token) {
        return RestAssured.given().auth().oauth2(token).get("/test/step-up-probe");
    }

    private Response probe(Map<String, Object> claims) {
        return client.user().request(claims).get("/test/step-up-probe");
    }
}
