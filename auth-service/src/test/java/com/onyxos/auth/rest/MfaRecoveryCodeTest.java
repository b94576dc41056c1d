package com.onyxos.auth.rest;

import static com.onyxos.auth.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.onyxos.auth.testing.MfaClient;
import com.onyxos.auth.testing.MfaRows;
import com.onyxos.auth.testing.PinnedClockUserTest;
import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/user/mfa/recovery}: single-use codes that step a session up. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
class MfaRecoveryCodeTest extends PinnedClockUserTest {

    private static final Map<String, Object> NEW_SESSION = Map.of("sid", "recovery-session");

    private MfaClient.Factor factor;

    @BeforeEach
    void enrollFactor() {
        factor = client.enrollVerified();
    }

    @Test
    void aRecoveryCodeStepsUpTheSessionItIsUsedIn() {
        probe(NEW_SESSION).then().statusCode(403);

        client.user()
                .request(NEW_SESSION)
                .contentType("application/json")
                .body(Map.of("code", factor.recoveryCodes().get(3)))
                .post("/api/user/mfa/recovery")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body(
                        "stepUpExpiresAt",
                        equalTo(clock.instant().plus(Duration.ofHours(12)).toString()))
                .body("recoveryCodesRemaining", equalTo(9));

        probe(NEW_SESSION).then().statusCode(204);
        assertThat(MfaRows.value(
                        "select method from mfa_steps where user_sub = ? and session_id = 'recovery-session'",
                        client.user().subject()))
                .isEqualTo("recovery_code");
    }

    @Test
    void eachCodeWorksOnlyOnce() {
        String code = factor.recoveryCodes().get(0);

        client.redeem(code).then().statusCode(200);

        assertProblem(client.redeem(code), 422, "mfa_code_invalid");
        client.redeem(factor.recoveryCodes().get(1)).then().statusCode(200).body("recoveryCodesRemaining", equalTo(8));
    }

    @Test
    void allTenCodesWorkTypedWithoutDashesInAnyCase() {
        for (String code : factor.recoveryCodes()) {
            client.redeem(code.replace("-", "").toUpperCase(Locale.ROOT)).then().statusCode(200);
        }

        client.user().request().get("/api/user/mfa").then().body("recoveryCodesRemaining", equalTo(0));
    }

    @Test
    void anUnknownCodeOrAnotherUsersCodeIsRejected() {
        assertProblem(client.redeem("aaaa-bbbb-cccc"), 422, "mfa_code_invalid");

        MfaClient other = MfaClient.freshUser(clock);
        other.enrollVerified();
        assertProblem(other.redeem(factor.recoveryCodes().get(0)), 422, "mfa_code_invalid");
        // Still unused for its owner.
        client.redeem(factor.recoveryCodes().get(0)).then().statusCode(200);
    }

    @Test
    void deletingTheLastVerifiedFactorDeletesTheRecoveryCodes() {
        client.delete(factor.id()).then().statusCode(204);

        assertThat(MfaRows.count("mfa_recovery_codes", client.user().subject())).isZero();
        assertProblem(client.redeem(factor.recoveryCodes().get(0)), 422, "mfa_code_invalid");
    }

    @Test
    void deletingOneOfTwoVerifiedFactorsKeepsTheRecoveryCodes() {
        MfaClient.Factor second = client.enroll();
        clock.advance(Duration.ofSeconds(30));
        client.verify(second.id(), client.code(second, Duration.ZERO)).then().statusCode(200);

        client.delete(second.id()).then().statusCode(204);

        assertThat(MfaRows.count("mfa_recovery_codes", client.user().subject())).isEqualTo(10);
    }

    private io.restassured.response.Response probe(Map<String, Object> claims) {
        return client.user().request(claims).get("/test/step-up-probe");
    }
}
