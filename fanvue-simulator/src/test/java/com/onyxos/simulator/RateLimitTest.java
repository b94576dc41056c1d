package com.onyxos.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;

import com.onyxos.simulator.control.JournalEntry;
import com.onyxos.simulator.control.JournalFilter;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Token buckets per (client, user[, creator]): headers, 429 with Retry-After, early requests counted. */
class RateLimitTest {
    static final int CAPACITY = 5;
    SimFixture fx;
    String admin;
    String token;

    @BeforeEach
    void start() {
        fx = SimFixture.start(SimulatorSettings.defaults()
                .withRateLimitCapacity(CAPACITY)
                .withRateLimitWindow(Duration.ofSeconds(5)));
        admin = fx.admin(0);
        token = fx.fullToken(admin);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void headersAreOnEveryAnswerAndRemainingDecreases() {
        long before = System.currentTimeMillis() / 1000;
        for (int i = 1; i <= 3; i++) {
            Response r = fx.api(token).get("/users/me");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.header("X-RateLimit-Limit")).isEqualTo(String.valueOf(CAPACITY));
            assertThat(Integer.parseInt(r.header("X-RateLimit-Remaining"))).isEqualTo(CAPACITY - i);
            assertThat(Long.parseLong(r.header("X-RateLimit-Reset"))).isBetween(before, before + 10);
        }
        Response notFound = fx.api(token).get("/vault/folders/no-such-folder/media");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(CAPACITY - 4));
    }

    @Test
    void emptyBucketIs429WithRetryAfterAndAnEarlyRetryIsCounted() throws InterruptedException {
        exhaust(token, "/users/me");
        Response limited = fx.api(token).get("/users/me");
        assertThat(limited.statusCode()).isEqualTo(429);
        limited.then().body("$", aMapWithSize(1)).body("error", equalTo("Too Many Requests"));
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 2L);
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(fx.sim.control().stats().earlyRequests()).isZero();

        fx.api(token).get("/users/me").then().statusCode(429);
        assertThat(fx.sim.control().stats().earlyRequests()).isEqualTo(1);
        List<JournalEntry> early =
                fx.sim.control().journal(new JournalFilter(null, null, null, null, null, null, true, null));
        assertThat(early).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(429));

        Thread.sleep(retryAfter * 1000 + 50);
        fx.api(token).get("/users/me").then().statusCode(200);
        assertThat(fx.sim.control().stats().earlyRequests()).isEqualTo(1);
        assertThat(fx.sim.control().stats().tooManyRequests()).isEqualTo(2);
    }

    @Test
    void creatorPathsHaveABucketPerCreatorAndAgenciesShareTheUsersBucket() {
        exhaust(token, "/users/me");
        fx.api(token).get("/creators/" + fx.creator(0, 0) + "/media").then().statusCode(200);
        fx.api(token).get("/creators/" + fx.creator(0, 1) + "/media").then().statusCode(200);
        fx.api(token)
                .queryParam("startDate", "2026-10-01T00:00:00Z")
                .queryParam("endDate", "2026-11-01T00:00:00Z")
                .get("/agencies/earnings")
                .then()
                .statusCode(429);
        List<JournalEntry> creatorCalls = fx.sim.control().journal(JournalFilter.ALL.withPath("/creators/*/media"));
        assertThat(creatorCalls)
                .extracting(JournalEntry::bucket)
                .doesNotHaveDuplicates()
                .allMatch(b -> b.endsWith(fx.creator(0, 0)) || b.endsWith(fx.creator(0, 1)));
    }

    @Test
    void usersHaveTheirOwnBuckets() {
        exhaust(token, "/users/me");
        fx.api(fx.fullToken(fx.creator(0, 0))).get("/users/me").then().statusCode(200);
        fx.api(token).get("/users/me").then().statusCode(429);
    }

    private void exhaust(String bearer, String path) {
        for (int i = 0; i < CAPACITY; i++) {
            fx.api(bearer).get(path).then().statusCode(200);
        }
    }
}
