package com.onyxos.auth.rest;

import static com.onyxos.auth.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.onyxos.auth.testing.MfaClient;
import com.onyxos.auth.testing.MfaRows;
import com.onyxos.auth.testing.PinnedClockUserTest;
import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code POST /api/user/mfa/verify}: drift window, replay, expiry, ownership, step-up record, recovery codes. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
class MfaVerificationTest extends PinnedClockUserTest {

    private static final Duration STEP = Duration.ofSeconds(30);

    @Test
    void firstVerificationMarksTheFactorVerifiedStepsUpAndShowsTenRecoveryCodesOnce() {
        MfaClient.Factor factor = client.enroll();

        Response response = client.verify(factor.id(), client.code(factor, Duration.ZERO));

        response.then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("factorId", equalTo(factor.id().toString()))
                .body("status", equalTo("verified"))
                .body(
                        "stepUpExpiresAt",
                        equalTo(clock.instant().plus(Duration.ofHours(12)).toString()))
                .body("recoveryCodes", hasSize(10));
        List<String> codes = response.path("recoveryCodes");
        assertThat(codes).doesNotHaveDuplicates().allMatch(code -> code.matches("[a-z2-7]{4}(-[a-z2-7]{4}){2}"));
        assertThat(MfaRows.value(
                        "select method from mfa_steps where user_sub = ? and session_id = ?",
                        client.user().subject(),
                        "session-" + client.user().subject()))
                .isEqualTo("totp");
        // Only hashes are stored.
        List<Object> hashes = MfaRows.column(
                "select code_hash from mfa_recovery_codes where user_sub = ?",
                client.user().subject());
        assertThat(hashes).hasSize(10).allMatch(hash -> ((byte[]) hash).length == 32);

        clock.advance(STEP);
        client.verify(factor.id(), client.code(factor, Duration.ZERO))
                .then()
                .statusCode(200)
                .body("recoveryCodes", nullValue());
        assertThat(MfaRows.count("mfa_recovery_codes", client.user().subject())).isEqualTo(10);
    }

    @Test
    void aSecondFactorGetsNoNewRecoveryCodes() {
        client.enrollVerified();
        MfaClient.Factor second = client.enroll();

        client.verify(second.id(), client.code(second, Duration.ZERO))
                .then()
                .statusCode(200)
                .body("recoveryCodes", nullValue());
        assertThat(MfaRows.count("mfa_recovery_codes", client.user().subject())).isEqualTo(10);
    }

    @Test
    void aCodeOneStepEarlyOrLateIsAccepted() {
        MfaClient.Factor factor = client.enroll();

        client.verify(factor.id(), client.code(factor, STEP.negated())).then().statusCode(200);
        client.verify(factor.id(), client.code(factor, STEP)).then().statusCode(200);
    }

    @Test
    void aCodeTwoStepsEarlyOrLateIsRejected() {
        MfaClient.Factor factor = client.enroll();

        assertProblem(client.verify(factor.id(), client.code(factor, STEP.multipliedBy(2))), 422, "mfa_code_invalid");
        assertProblem(client.verify(factor.id(), client.code(factor, STEP.multipliedBy(-2))), 422, "mfa_code_invalid");
        assertThat(MfaRows.value("select status from mfa_factors where id = ?", factor.id()))
                .isEqualTo("unverified");
    }

    @Test
    void aUsedCodeIsRejectedAsAReplayAndSoIsAnEarlierStep() {
        MfaClient.Factor factor = client.enroll();
        String current = client.code(factor, Duration.ZERO);
        String previous = client.code(factor, STEP.negated());

        client.verify(factor.id(), current).then().statusCode(200);

        assertProblem(client.verify(factor.id(), current), 422, "mfa_code_invalid");
        assertProblem(client.verify(factor.id(), previous), 422, "mfa_code_invalid");
        assertThat(MfaRows.value("select failed_attempts from mfa_factors where id = ?", factor.id()))
                .isEqualTo(2);
        clock.advance(STEP);
        client.verify(factor.id(), client.code(factor, Duration.ZERO)).then().statusCode(200);
    }

    @Test
    void anExpiredPendingFactorCannotBeVerifiedAndIsRemoved() {
        MfaClient.Factor factor = client.enroll();
        clock.advance(Duration.ofMinutes(10));

        assertProblem(client.verify(factor.id(), client.code(factor, Duration.ZERO)), 410, "mfa_factor_expired");
        assertThat(MfaRows.count("mfa_factors", client.user().subject())).isZero();
        assertThat(MfaRows.count("mfa_steps", client.user().subject())).isZero();
    }

    @Test
    void aPendingFactorCanBeVerifiedJustBeforeItExpires() {
        MfaClient.Factor factor = client.enroll();
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));

        client.verify(factor.id(), client.code(factor, Duration.ZERO)).then().statusCode(200);
    }

    @Test
    void anotherUsersFactorIsNotFoundAndUntouched() {
        MfaClient.Factor factor = client.enroll();
        MfaClient intruder = MfaClient.freshUser(clock);

        assertProblem(intruder.verify(factor.id(), client.code(factor, Duration.ZERO)), 404, "mfa_factor_not_found");
        assertProblem(intruder.verify(factor.id(), "000000"), 404, "mfa_factor_not_found");
        assertThat(MfaRows.value("select failed_attempts from mfa_factors where id = ?", factor.id()))
                .isEqualTo(0);
        assertThat(MfaRows.count("mfa_steps", intruder.user().subject())).isZero();
        // The code was not spent by the intruder's attempt.
        client.verify(factor.id(), client.code(factor, Duration.ZERO)).then().statusCode(200);
    }

    @Test
    void anUnknownFactorIsNotFound() {
        assertProblem(client.verify(UUID.randomUUID(), "123456"), 404, "mfa_factor_not_found");
    }

    @Test
    void verifyingAgainInTheSameSessionRefreshesTheOneStepUpRow() {
        MfaClient.Factor factor = client.enrollVerified();
        clock.advance(Duration.ofHours(1));

        client.verify(factor.id(), client.code(factor, Duration.ZERO)).then().statusCode(200);

        assertThat(MfaRows.count("mfa_steps", client.user().subject())).isEqualTo(1);
        assertThat(MfaRows.value(
                        "select expires_at = ?::timestamptz from mfa_steps where user_sub = ?",
                        clock.instant().plus(Duration.ofHours(12)).toString(),
                        client.user().subject()))
                .isEqualTo(true);
    }
}
