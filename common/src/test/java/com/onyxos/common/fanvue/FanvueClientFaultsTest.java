package com.onyxos.common.fanvue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.onyxos.common.fanvue.model.FanvueUser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client's fault handling against exact fault shapes: what is retried, what never is, and how errors read. */
class FanvueClientFaultsTest extends WireMockFanvueTest {

    private static final String ME = "{\"uuid\":\"u-1\",\"handle\":\"ada\",\"isCreator\":true}";

    private FanvueUser me() {
        return fixture.api("token-0").me().await().atMost(Duration.ofSeconds(30));
    }

    private <T extends Throwable> T meFails(Class<T> type) {
        return catchThrowableOfType(type, this::me);
    }

    /** Answers the calls to {@code /users/me} with these responses, one each, in order. */
    private void answerInTurn(ResponseDefinitionBuilder... responses) {
        String state = Scenario.STARTED;
        for (int i = 0; i < responses.length; i++) {
            String next = "step-" + (i + 1);
            fanvue.stubFor(get("/users/me")
                    .inScenario("turns")
                    .whenScenarioStateIs(state)
                    .willReturn(responses[i])
                    .willSetStateTo(next));
            state = next;
        }
    }

    private static ResponseDefinitionBuilder status(int status) {
        return aResponse().withStatus(status).withBody("{\"error\":\"upstream\"}");
    }

    @Test
    void serverErrorsAreRetriedUntilAnAnswerComes() {
        answerInTurn(status(500), status(502), status(503), okJson(ME));

        assertThat(me().uuid()).isEqualTo("u-1");
        fanvue.verify(4, getRequestedFor(urlPathEqualTo("/users/me")));
    }

    @Test
    void retriesStopAfterTheAllowedAttempts() {
        fanvue.stubFor(get("/users/me").willReturn(aResponse().withStatus(503).withBody("{\"error\":\"down\"}")));

        FanvueException.ServerError error = meFails(FanvueException.ServerError.class);

        assertThat(error.status()).isEqualTo(503);
        assertThat(error.error()).contains("down");
        fanvue.verify(4, getRequestedFor(urlPathEqualTo("/users/me")));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404, 409, 410})
    void clientErrorsAreNeverRetried(int status) {
        fanvue.stubFor(
                get("/users/me").willReturn(aResponse().withStatus(status).withBody("{\"message\":\"no\"}")));

        FanvueException.ClientError error = meFails(FanvueException.ClientError.class);

        assertThat(error.status()).isEqualTo(status);
        assertThat(error.fanvueMessage()).contains("no");
        fanvue.verify(1, getRequestedFor(urlPathEqualTo("/users/me")));
    }

    @Test
    void errorsKeepStatusRawBodyAndEveryDocumentedField() {
        String body = "{\"error\":\"bad_request\",\"message\":\"Invalid query\",\"errors\":[\"size must be <= 50\"]}";
        fanvue.stubFor(get("/users/me").willReturn(aResponse().withStatus(400).withBody(body)));

        FanvueException.BadRequest error = meFails(FanvueException.BadRequest.class);

        assertThat(error.rawBody()).isEqualTo(body);
        assertThat(error.error()).contains("bad_request");
        assertThat(error.fanvueMessage()).contains("Invalid query");
        assertThat(error.errors()).containsExactly("size must be <= 50");
        assertThat(error.route()).isEqualTo("GET /users/me");
    }

    @Test
    void aRetiredVersionNamesItsSuccessor() {
        fanvue.stubFor(get("/users/me")
                .willReturn(aResponse()
                        .withStatus(410)
                        .withBody("{\"error\":\"gone\",\"message\":\"retired\",\"nextVersion\":\"2026-01-01\"}")));

        assertThat(meFails(FanvueException.Gone.class).nextVersion()).contains("2026-01-01");
    }

    @Test
    void aBodyThatIsNoJsonStillGivesATypedError() {
        fanvue.stubFor(get("/users/me").willReturn(aResponse().withStatus(404).withBody("<html>nope</html>")));

        FanvueException.NotFound error = meFails(FanvueException.NotFound.class);

        assertThat(error.rawBody()).isEqualTo("<html>nope</html>");
        assertThat(error.error()).isEmpty();
    }

    @Test
    void timeoutsAreRetried() {
        fanvue.stubFor(get("/users/me")
                .inScenario("slow")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(ME).withFixedDelay(2_000))
                .willSetStateTo("fast"));
        fanvue.stubFor(
                get("/users/me").inScenario("slow").whenScenarioStateIs("fast").willReturn(okJson(ME)));

        assertThat(me().uuid()).isEqualTo("u-1");
        fanvue.verify(2, getRequestedFor(urlPathEqualTo("/users/me")));
    }

    @Test
    void connectionResetsAreRetried() {
        fanvue.stubFor(get("/users/me")
                .inScenario("reset")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("ok"));
        fanvue.stubFor(
                get("/users/me").inScenario("reset").whenScenarioStateIs("ok").willReturn(okJson(ME)));

        assertThat(me().uuid()).isEqualTo("u-1");
    }

    @Test
    void emptyTruncatedAndEmptyObjectBodiesAreNeverTakenForData() {
        answerInTurn(aResponse().withStatus(200).withBody(""), okJson("{}"), okJson("{\"uuid\":\"u-"), okJson(ME));

        assertThat(me().uuid()).isEqualTo("u-1");
        fanvue.verify(4, getRequestedFor(urlPathEqualTo("/users/me")));
    }

    @Test
    void aBodyThatStaysMalformedFailsAsMalformed() {
        fanvue.stubFor(get("/users/me").willReturn(okJson("{\"uuid\":")));

        FanvueException.MalformedResponse error = meFails(FanvueException.MalformedResponse.class);

        assertThat(error.getMessage()).contains("unreadable JSON");
    }

    @Test
    void totalRetryTimeIsBoundedEvenWhenFanvueAsksForLongWaits() {
        fanvue.stubFor(get("/users/me").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "60")));
        long started = System.nanoTime();

        meFails(FanvueException.ServerError.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        fanvue.verify(1, getRequestedFor(urlPathEqualTo("/users/me")));
    }

    @Test
    void aRejectedTokenIsRenewedOnceAndTheCallRetriedWithTheNewOne() {
        fanvue.stubFor(get("/users/me")
                .withHeader("Authorization", equalTo("Bearer token-0"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"token expired\"}")));
        fanvue.stubFor(get("/users/me")
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .willReturn(okJson(ME)));
        ClientFixture.CountingTokens tokens = new ClientFixture.CountingTokens();

        FanvueUser user = fixture.client
                .api(new FanvueCredentials("user-1", tokens))
                .me()
                .await()
                .atMost(Duration.ofSeconds(10));

        assertThat(user.uuid()).isEqualTo("u-1");
        assertThat(tokens.renewals).hasValue(1);
        assertThat(tokens.rejected).containsExactly("token-0");
        fanvue.verify(2, getRequestedFor(urlPathEqualTo("/users/me")));
    }

    @Test
    void aSecond401FailsWithoutAnotherRenewal() {
        fanvue.stubFor(get("/users/me").willReturn(aResponse().withStatus(401).withBody("{\"error\":\"revoked\"}")));
        ClientFixture.CountingTokens tokens = new ClientFixture.CountingTokens();

        FanvueException.Unauthorized error =
                catchThrowableOfType(FanvueException.Unauthorized.class, () -> fixture.client
                        .api(new FanvueCredentials("user-1", tokens))
                        .me()
                        .await()
                        .atMost(Duration.ofSeconds(10)));

        assertThat(error.error()).contains("revoked");
        assertThat(tokens.renewals).hasValue(1);
        fanvue.verify(2, getRequestedFor(urlPathEqualTo("/users/me")));
    }

    @Test
    void theVersionHeaderAndBearerTokenGoOnEveryCall() {
        fanvue.stubFor(get("/users/me").willReturn(okJson(ME)));
        fanvue.stubFor(get("/chats/unread").willReturn(okJson("{\"unreadChatsCount\":1,\"unreadMessagesCount\":2}")));

        me();
        fixture.api("token-0").unreadChats().await().atMost(Duration.ofSeconds(5));

        fanvue.getAllServeEvents().forEach(event -> {
            assertThat(event.getRequest().getHeader("X-Fanvue-API-Version")).isEqualTo("2025-06-26");
            assertThat(event.getRequest().getHeader("Authorization")).isEqualTo("Bearer token-0");
        });
        assertThat(fanvue.getAllServeEvents()).hasSize(2);
    }

    @Test
    void deprecationNoticesAreLoggedOncePerRoute() {
        fanvue.stubFor(get("/users/me")
                .willReturn(okJson(ME)
                        .withHeader("Deprecation", "true")
                        .withHeader("Sunset", "Wed, 01 Jul 2026 00:00:00 GMT")));
        fanvue.stubFor(get("/chats/unread").willReturn(okJson("{\"unreadChatsCount\":1,\"unreadMessagesCount\":2}")));

        me();
        me();
        fixture.api("token-0").unreadChats().await().atMost(Duration.ofSeconds(5));

        assertThat(fixture.http.deprecationsWarned()).containsExactly("GET /users/me");
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndThenSendsNothing() {
        fanvue.stubFor(get("/users/me").willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 5; i++) {
            meFails(FanvueException.class);
        }
        int sent = fanvue.getAllServeEvents().size();

        FanvueException.CircuitOpen open = meFails(FanvueException.CircuitOpen.class);

        assertThat(open.getMessage()).contains("circuit open");
        assertThat(fanvue.getAllServeEvents()).hasSize(sent);
        assertThat(sent).isEqualTo(20);
    }

    @Test
    void expectedClientErrorsDoNotTripTheBreaker() {
        fanvue.stubFor(get("/users/me").willReturn(aResponse().withStatus(404).withBody("{\"message\":\"gone\"}")));

        for (int i = 0; i < 30; i++) {
            meFails(FanvueException.NotFound.class);
        }

        fanvue.verify(30, getRequestedFor(urlPathEqualTo("/users/me")));
    }

    @Test
    void noTokenEverAppearsInAnErrorMessage() {
        fanvue.stubFor(get("/users/me").willReturn(aResponse().withStatus(403).withBody("{\"error\":\"scope\"}")));

        FanvueException.Forbidden error = meFails(FanvueException.Forbidden.class);

        assertThat(List.of(error.getMessage(), error.rawBody(), String.valueOf(error.getCause())))
                .noneMatch(text -> text.contains("token-0"));
    }
}
