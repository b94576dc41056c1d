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
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Five failures lock a factor for 15 minutes, in every session, without the code being looked at. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
class MfaLockoutTest extends PinnedClockUserTest {

    private MfaClient.Factor factor;

    @BeforeEach
    void enrollFactor() {
        factor = client.enrollVerified();
    }

    @Test
    void theFifthFailureLocksTheFactorAndEvenTheRightCodeIsThenRefused() {
        double lockoutsBefore = metric("onyx_mfa_lockouts_total");
        for (int i = 0; i < 4; i++) {
            assertProblem(client.verify(factor.id(), client.wrongCode(factor)), 422, "mfa_code_invalid");
        }

        assertProblem(client.verify(factor.id(), client.wrongCode(factor)), 429, "mfa_factor_locked")
                .header("Retry-After", equalTo("900"));
        clock.advance(Duration.ofSeconds(30));
        assertProblem(client.verify(factor.id(), client.code(factor, Duration.ZERO)), 429, "mfa_factor_locked")
                .header("Retry-After", equalTo("870"));

        assertThat(metric("onyx_mfa_lockouts_total")).isEqualTo(lockoutsBefore + 1);
        assertThat(MfaRows.value("select locked_until is not null from mfa_factors where id = ?", factor.id()))
                .isEqualTo(true);
    }

    @Test
    void theLockAppliesToEverySessionOfTheUser() {
        for (int i = 0; i < 5; i++) {
            client.verify(factor.id(), client.wrongCode(factor), Map.of("sid", "session-" + i));
        }

        assertProblem(
                client.verify(factor.id(), client.code(factor, Duration.ZERO), Map.of("sid", "a-fresh-session")),
                429,
                "mfa_factor_locked");
    }

    @Test
    void theLockExpiresAfterFifteenMinutesWithAFreshCountOfAttempts() {
        for (int i = 0; i < 5; i++) {
            client.verify(factor.id(), client.wrongCode(factor));
        }
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertProblem(client.verify(factor.id(), client.code(factor, Duration.ZERO)), 429, "mfa_factor_locked");

        clock.advance(Duration.ofSeconds(1));
        assertProblem(client.verify(factor.id(), client.wrongCode(factor)), 422, "mfa_code_invalid");
        client.verify(factor.id(), client.code(factor, Duration.ZERO)).then().statusCode(200);
    }

    @Test
    void aSuccessResetsTheFailureCount() {
        for (int i = 0; i < 4; i++) {
            client.verify(factor.id(), client.wrongCode(factor));
        }
        clock.advance(Duration.ofSeconds(30));
        client.verify(factor.id(), client.code(factor, Duration.ZERO)).then().statusCode(200);

        for (int i = 0; i < 4; i++) {
            assertProblem(client.verify(factor.id(), client.wrongCode(factor)), 422, "mfa_code_invalid");
        }
        assertThat(MfaRows.value("select failed_attempts from mfa_factors where id = ?", factor.id()))
                .isEqualTo(4);
    }

    @Test
    void everyFailureIsCounted() {
        double before = metric("onyx_mfa_failures_total{method=\"totp\"}");

        client.verify(factor.id(), client.wrongCode(factor));
        client.verify(factor.id(), client.wrongCode(factor));

        assertThat(metric("onyx_mfa_failures_total{method=\"totp\"}")).isEqualTo(before + 2);
    }

    private static double metric(String series) {
        String body =
                RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$")
                .matcher(body);
        assertThat(value.find()).as("series %s in /q/metrics", series).isTrue();
        return Double.parseDouble(value.group(1));
    }
}
