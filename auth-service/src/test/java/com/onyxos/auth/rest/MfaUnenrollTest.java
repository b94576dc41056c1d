package com.onyxos.auth.rest;

import static com.onyxos.auth.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.auth.testing.MfaClient;
import com.onyxos.auth.testing.MfaRows;
import com.onyxos.auth.testing.PinnedClockUserTest;
import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code DELETE /api/user/mfa/{id}}: only with step-up in the current session, only the caller's own factors. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
class MfaUnenrollTest extends PinnedClockUserTest {

    @Test
    void unenrollingNeedsStepUpInThisSession() {
        MfaClient.Factor factor = client.enrollVerified();

        assertProblem(
                client.user().request(Map.of("sid", "another-session")).delete("/api/user/mfa/" + factor.id()),
                403,
                "mfa_step_up_required");
        assertThat(MfaRows.count("mfa_factors", client.user().subject())).isEqualTo(1);

        client.delete(factor.id()).then().statusCode(204);
        assertThat(MfaRows.count("mfa_factors", client.user().subject())).isZero();
    }

    @Test
    void anExpiredStepUpNoLongerAllowsUnenrolling() {
        MfaClient.Factor factor = client.enrollVerified();
        clock.advance(Duration.ofHours(12));

        assertProblem(client.delete(factor.id()), 403, "mfa_step_up_required");
    }

    @Test
    void aPendingFactorOfAUserWithoutVerifiedFactorsCanBeRemoved() {
        MfaClient.Factor pending = client.enroll();

        client.delete(pending.id()).then().statusCode(204);
        assertThat(MfaRows.count("mfa_factors", client.user().subject())).isZero();
    }

    @Test
    void anotherUsersFactorIsNotFoundAndStays() {
        MfaClient.Factor victim = client.enroll();
        MfaClient intruder = MfaClient.freshUser(clock);

        assertProblem(intruder.delete(victim.id()), 404, "mfa_factor_not_found");
        assertThat(MfaRows.count("mfa_factors", client.user().subject())).isEqualTo(1);
    }

    @Test
    void anUnknownFactorIsNotFound() {
        client.enrollVerified();

        assertProblem(client.delete(UUID.randomUUID()), 404, "mfa_factor_not_found");
    }

    @Test
    void aMalformedIdIsABadRequest() {
        assertProblem(client.user().request().delete("/api/user/mfa/not-a-uuid"), 400, "invalid_input");
        assertProblem(client.user().request().delete("/api/user/mfa/1-1-1-1-1"), 400, "invalid_input");
    }
}
