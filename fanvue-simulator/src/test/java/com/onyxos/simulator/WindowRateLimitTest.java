package com.onyxos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.simulator.ratelimit.RateRefill;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The window refill mode: a bucket's tokens all come back when its window ends ({@code X-RateLimit-Reset}), none
 * before, unlike the continuous token bucket of {@link RateLimitTest}.
 */
class WindowRateLimitTest {
    static final int CAPACITY = 5;
    SimFixture fx;
    String token;

    @BeforeEach
    void start() {
        fx = SimFixture.start(SimulatorSettings.defaults()
                .withRateLimitCapacity(CAPACITY)
                .withRateLimitWindow(Duration.ofSeconds(3))
                .withRateLimitRefill(RateRefill.WINDOW));
        token = fx.fullToken(fx.admin(0));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void everyAnswerOfAWindowAnnouncesTheSameResetAtItsEnd() {
        long before = System.currentTimeMillis() / 1000;
        Set<String> resets = new HashSet<>();
        for (int i = 1; i <= CAPACITY; i++) {
            Response r = fx.api(token).get("/users/me");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(Integer.parseInt(r.header("X-RateLimit-Remaining"))).isEqualTo(CAPACITY - i);
            resets.add(r.header("X-RateLimit-Reset"));
        }
        assertThat(resets).hasSize(1);
        assertThat(Long.parseLong(resets.iterator().next())).isBetween(before + 3, before + 5);
    }

    @Test
    void nothingTricklesBackBeforeTheWindowEndsThenItIsFull() throws InterruptedException {
        long reset = 0;
        for (int i = 0; i < CAPACITY; i++) {
            reset = Long.parseLong(fx.api(token).get("/users/me").header("X-RateLimit-Reset"));
        }
        // A continuous bucket of 5 per 3 s would have two tokens back by now.
        Thread.sleep(1_300);
        Response limited = fx.api(token).get("/users/me");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 2L);

        Thread.sleep(Math.max(0, reset * 1000 - System.currentTimeMillis()) + 50);
        Response full = fx.api(token).get("/users/me");
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(full.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(CAPACITY - 1));
        assertThat(fx.sim.control().stats().earlyRequests()).isZero();
    }
}
