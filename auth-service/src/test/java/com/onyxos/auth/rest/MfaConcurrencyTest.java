package com.onyxos.auth.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.auth.testing.MfaClient;
import com.onyxos.auth.testing.MfaRows;
import com.onyxos.auth.testing.PinnedClockUserTest;
import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The same code or recovery code sent many times at once is accepted exactly once. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
class MfaConcurrencyTest extends PinnedClockUserTest {

    private static final int PARALLEL = 10;

    @TestHTTPResource("/api/user/mfa/verify")
    URI verifyUri;

    @TestHTTPResource("/api/user/mfa/recovery")
    URI recoveryUri;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void tenParallelVerificationsOfOneCodeSucceedExactlyOnce() {
        MfaClient.Factor factor = client.enroll();
        String body = "{\"factorId\":\"" + factor.id() + "\",\"code\":\"" + client.code(factor, Duration.ZERO) + "\"}";

        List<Integer> statuses = sendAtOnce(verifyUri, body);

        assertThat(statuses.stream().filter(status -> status == 200)).hasSize(1);
        assertThat(statuses).allMatch(status -> status == 200 || status == 422 || status == 429);
        assertThat(MfaRows.count("mfa_recovery_codes", client.user().subject())).isEqualTo(10);
        assertThat(MfaRows.count("mfa_steps", client.user().subject())).isEqualTo(1);
    }

    @Test
    void tenParallelRedemptionsOfOneRecoveryCodeSucceedExactlyOnce() {
        MfaClient.Factor factor = client.enrollVerified();
        String body = "{\"code\":\"" + factor.recoveryCodes().get(0) + "\"}";

        List<Integer> statuses = sendAtOnce(recoveryUri, body);

        assertThat(statuses.stream().filter(status -> status == 200)).hasSize(1);
        assertThat(statuses).allMatch(status -> status == 200 || status == 422);
        assertThat(MfaRows.value(
                        "select count(*) from mfa_recovery_codes where user_sub = ? and used_at is not null",
                        client.user().subject()))
                .isEqualTo(1L);
    }

    private List<Integer> sendAtOnce(URI uri, String body) {
        String token = client.user().token();
        List<CompletableFuture<Integer>> responses = IntStream.range(0, PARALLEL)
                .mapToObj(i -> http.sendAsync(
                                HttpRequest.newBuilder(uri)
                                        .header("Authorization", "Bearer " + token)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .thenApply(HttpResponse::statusCode))
                .toList();
        return responses.stream().map(CompletableFuture::join).toList();
    }
}
