package com.onyxos.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onyxos.simulator.control.JournalFilter;
import com.onyxos.simulator.control.TokenRequest;
import com.onyxos.simulator.faults.FaultKind;
import com.onyxos.simulator.faults.FaultRule;
import com.onyxos.simulator.faults.Latency;
import com.onyxos.simulator.oauth.TokenResponse;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every fault kind, path globs, methods, counts and probability, and global latency. */
class FaultInjectionTest {
    static SimFixture fx;
    static String creator;
    static String token;
    static String folderPath;

    @BeforeAll
    static void start() {
        fx = SimFixture.start();
        creator = fx.creator(0, 0);
        token = fx.fullToken(fx.admin(0));
        folderPath = "/creators/" + creator + "/vault/folders/Gym/media";
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @BeforeEach
    void clear() {
        fx.sim.control().clearFaults();
    }

    @Test
    void errorStatusWithRetryAfterForACountOfRequestsOnAGlob() {
        fx.sim
                .control()
                .addFault(FaultRule.on("/creators/*/vault/folders/*/media", FaultKind.ERROR)
                        .withStatus(503)
                        .withRetryAfterSeconds(3)
                        .withCount(2));
        for (int i = 0; i < 2; i++) {
            fx.api(token)
                    .get(folderPath)
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "3")
                    .body("error", notNullValue())
                    .body("message", notNullValue());
        }
        fx.api(token).get(folderPath).then().statusCode(200);
        fx.api(token).get("/creators/" + creator + "/vault/folders").then().statusCode(200);
    }

    @Test
    void methodAndProbabilityNarrowARule() {
        fx.sim.control().addFault(FaultRule.on("/users/me", FaultKind.ERROR).withMethod("POST"));
        fx.sim.control().addFault(FaultRule.on("/users/me", FaultKind.ERROR).withProbability(0));
        for (int i = 0; i < 20; i++) {
            fx.api(token).get("/users/me").then().statusCode(200);
        }
        fx.sim
                .control()
                .addFault(FaultRule.on("/**", FaultKind.ERROR).withStatus(500).withProbability(0.5));
        long failures = IntStream.range(0, 200)
                .filter(i -> fx.api(token).get("/users/me").statusCode() == 500)
                .count();
        assertThat(failures).isBetween(60L, 140L);
    }

    @Test
    void rateLimitStormIs429AndBlocksTheBucketUntilRetryAfter() throws InterruptedException {
        String own = fx.fullToken(fx.admin(1));
        fx.sim
                .control()
                .addFault(FaultRule.on("/users/me", FaultKind.RATE_LIMIT)
                        .withRetryAfterSeconds(1)
                        .withCount(1));
        long earlyBefore = fx.sim.control().stats().earlyRequests();
        fx.api(own)
                .get("/users/me")
                .then()
                .statusCode(429)
                .header("Retry-After", "1")
                .header("X-RateLimit-Limit", notNullValue())
                .body("error", equalTo("Too Many Requests"));
        fx.api(own).get("/users/me").then().statusCode(429);
        assertThat(fx.sim.control().stats().earlyRequests()).isEqualTo(earlyBefore + 1);
        Thread.sleep(1100);
        fx.api(own).get("/users/me").then().statusCode(200);
    }

    @Test
    void timeoutThatNeverAnswers() {
        fx.sim.control().addFault(FaultRule.on("/posts", FaultKind.TIMEOUT).withCount(1));
        assertThatThrownBy(() -> send("/posts", Duration.ofMillis(300))).isInstanceOf(HttpTimeoutException.class);
        assertThat(fx.sim
                        .control()
                        .journal(JournalFilter.ALL.withRoute("/posts").withStatus(0)))
                .isNotEmpty();
    }

    @Test
    void timeoutThatAnswersLateAndDelay() throws Exception {
        fx.sim
                .control()
                .addFault(FaultRule.on("/posts", FaultKind.TIMEOUT)
                        .withDelayMs(400)
                        .withCount(1));
        long start = System.nanoTime();
        assertThat(send("/posts", Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        fx.sim
                .control()
                .addFault(
                        FaultRule.on("/posts", FaultKind.DELAY).withDelayMs(300).withCount(1));
        start = System.nanoTime();
        assertThat(send("/posts", Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void globalLatencyIsFixedPlusRandom() throws Exception {
        fx.sim.control().latency(new Latency(200, 100));
        long start = System.nanoTime();
        send("/users/me", Duration.ofSeconds(5));
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(ms).isBetween(200L, 2000L);
        fx.sim.control().clearFaults();
        assertThat(fx.sim.control().faults()).isEmpty();
    }

    @Test
    void emptyBodyAndEmptyObject() {
        fx.sim.control().addFault(FaultRule.on("/posts", FaultKind.EMPTY_BODY).withCount(1));
        Response empty = fx.api(token).get("/posts");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.asString()).isEmpty();
        fx.sim.control().addFault(FaultRule.on("/posts", FaultKind.EMPTY_OBJECT).withCount(1));
        Response object = fx.api(token).get("/posts");
        assertThat(object.statusCode()).isEqualTo(200);
        assertThat(object.asString()).isEqualTo("{}");
    }

    @Test
    void truncatedJsonDoesNotParse() {
        fx.sim
                .control()
                .addFault(FaultRule.on("/posts", FaultKind.TRUNCATED_JSON).withCount(1));
        String body =
                fx.api(token).get("/posts").then().statusCode(200).extract().asString();
        String full = fx.api(token).get("/posts").asString();
        assertThat(full).startsWith(body);
        assertThat(body.length()).isLessThan(full.length());
        assertThatThrownBy(() -> new ObjectMapper().readTree(body)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void hasMoreForeverOnBothPaginationStyles() {
        fx.sim.control().addFault(FaultRule.on("/**", FaultKind.HAS_MORE_FOREVER));
        String path = "/creators/" + creator + "/media";
        fx.api(token)
                .queryParam("page", 1000)
                .get(path)
                .then()
                .body("data", empty())
                .body("pagination.hasMore", equalTo(true));
        String cursor = fx.api(token)
                .queryParam("size", 50)
                .queryParam("cursor", "b2Zmc2V0OjEwMDAw")
                .get("/creators/" + creator + "/insights/earnings")
                .then()
                .body("data", empty())
                .extract()
                .path("nextCursor");
        assertThat(cursor).isNotNull();
        fx.api(token)
                .queryParam("cursor", cursor)
                .get("/creators/" + creator + "/insights/earnings")
                .then()
                .statusCode(200)
                .body("data", empty())
                .body("nextCursor", notNullValue());
    }

    @Test
    void lostRefreshResponseStillRotated() {
        TokenResponse tokens = fx.sim
                .control()
                .issueToken(TokenRequest.of(fx.admin(0), List.of("read:self")).withOfflineAccess(true));
        fx.sim
                .control()
                .addFault(FaultRule.on("/oauth2/token", FaultKind.LOSE_RESPONSE).withCount(1));
        refresh(tokens.refreshToken()).then().statusCode(502);
        refresh(tokens.refreshToken()).then().statusCode(400).body("error", equalTo("invalid_grant"));
        assertThat(fx.sim.control().journal(JournalFilter.ALL.withGrantType("refresh_token")))
                .isNotEmpty();
    }

    @Test
    void droppedConnectionAfterProcessing() {
        TokenResponse tokens = fx.sim
                .control()
                .issueToken(TokenRequest.of(fx.admin(0), List.of("read:self")).withOfflineAccess(true));
        fx.sim
                .control()
                .addFault(FaultRule.on("/oauth2/token", FaultKind.LOSE_RESPONSE)
                        .withDropConnection(true)
                        .withCount(1));
        HttpRequest request = HttpRequest.newBuilder(URI.create(fx.sim.baseUrl() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString("onyx-local:onyx-local-secret".getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=refresh_token&refresh_token=" + tokens.refreshToken()))
                .build();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        refresh(tokens.refreshToken()).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void faultRulesAreListedWithRemainingCountsAndRemovable() {
        FaultRule rule = fx.sim
                .control()
                .addFault(FaultRule.on("/posts", FaultKind.ERROR).withCount(3));
        fx.api(token).get("/posts").then().statusCode(500);
        assertThat(fx.sim.control().faults()).singleElement().satisfies(r -> assertThat(r.count())
                .isEqualTo(2));
        assertThat(fx.sim.control().removeFault(rule.id())).isTrue();
        fx.api(token).get("/posts").then().statusCode(200);
    }

    private static HttpResponse<String> send(String path, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fx.sim.baseUrl() + path))
                .header("X-Fanvue-API-Version", SimFixture.VERSION)
                .header("Authorization", "Bearer " + token)
                .timeout(timeout)
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Response refresh(String refreshToken) {
        return fx.plain()
                .auth()
                .preemptive()
                .basic("onyx-local", "onyx-local-secret")
                .formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken)
                .post("/oauth2/token");
    }
}
