package com.onyxos.common.fanvue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.onyxos.common.fanvue.model.FanvueAccount;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** 429 handling per Fanvue rate bucket, measured on the requests WireMock received. */
class FanvueClientRateLimitTest extends WireMockFanvueTest {

    private static final String ACCOUNT = "{\"uuid\":\"c\",\"handle\":\"c\",\"account\":{\"status\":\"active\"}}";

    private void limitedOnceThenOk(String path, String retryAfter) {
        fanvue.stubFor(get(path)
                .inScenario(path)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", retryAfter)
                        .withHeader("X-RateLimit-Limit", "200")
                        .withHeader("X-RateLimit-Remaining", "0")
                        .withBody("{\"error\":\"Too Many Requests\"}"))
                .willSetStateTo("open"));
        fanvue.stubFor(get(path).inScenario(path).whenScenarioStateIs("open").willReturn(okJson(ACCOUNT)));
    }

    private List<ServeEvent> requestsTo(String path) {
        return fanvue.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith(path))
                .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate()))
                .toList();
    }

    private static long millisBetween(ServeEvent first, ServeEvent second) {
        return second.getRequest().getLoggedDate().getTime()
                - first.getRequest().getLoggedDate().getTime();
    }

    @Test
    void nothingIsSentBeforeRetryAfterSecondsHavePassed() {
        limitedOnceThenOk("/creators/c-1/account", "2");

        FanvueAccount account =
                fixture.api("t").creator("c-1").account().await().atMost(Duration.ofSeconds(10));

        assertThat(account.uuid()).isEqualTo("c");
        List<ServeEvent> requests = requestsTo("/creators/c-1/account");
        assertThat(requests).hasSize(2);
        assertThat(millisBetween(requests.get(0), requests.get(1))).isGreaterThanOrEqualTo(2_000);
    }

    @Test
    void retryAfterAsAnHttpDateIsHonouredToo() {
        String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3).withNano(0));
        limitedOnceThenOk("/creators/c-1/account", inThreeSeconds);

        fixture.api("t").creator("c-1").account().await().atMost(Duration.ofSeconds(10));

        List<ServeEvent> requests = requestsTo("/creators/c-1/account");
        // The date has a one-second resolution: at least two seconds must pass, and the call must not give up.
        assertThat(millisBetween(requests.get(0), requests.get(1))).isGreaterThanOrEqualTo(2_000);
    }

    @Test
    void otherBucketsKeepFlowingWhileOneWaits() {
        limitedOnceThenOk("/creators/c-1/account", "3");
        fanvue.stubFor(get(urlPathEqualTo("/creators/c-2/account")).willReturn(okJson(ACCOUNT)));
        FanvueApi api = fixture.api("t");

        CompletableFuture<FanvueAccount> blocked = api.creator("c-1").account().subscribeAsCompletionStage();
        await(() -> !requestsTo("/creators/c-1/account").isEmpty());
        for (int i = 0; i < 5; i++) {
            api.creator("c-2").account().await().atMost(Duration.ofSeconds(2));
        }

        assertThat(blocked).isNotDone();
        assertThat(requestsTo("/creators/c-2/account")).hasSize(5);
        blocked.join();
    }

    @Test
    void callsOfOneBucketWaitingForRetryAfterAllWait() {
        limitedOnceThenOk("/creators/c-1/account", "2");
        FanvueApi api = fixture.api("t");

        CompletableFuture<FanvueAccount> first = api.creator("c-1").account().subscribeAsCompletionStage();
        await(() -> !requestsTo("/creators/c-1/account").isEmpty());
        CompletableFuture<FanvueAccount> second = api.creator("c-1").account().subscribeAsCompletionStage();
        CompletableFuture.allOf(first, second).join();

        List<ServeEvent> requests = requestsTo("/creators/c-1/account");
        assertThat(requests).hasSize(3);
        assertThat(millisBetween(requests.get(0), requests.get(1))).isGreaterThanOrEqualTo(2_000);
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 5 s");
            }
            Thread.onSpinWait();
        }
    }
}
