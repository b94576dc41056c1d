package com.onyxos.auth.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.auth.rest.FanvueConnectFlow;
import com.onyxos.auth.testing.MutableClock;
import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.ServiceMetrics;
import com.onyxos.common.testing.SimulatorAdmin;
import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TestUsers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Access tokens of the lifetimes Fanvue may give (set in the simulator), on a test clock that walks through three
 * lifetimes: every broker answer is a token the simulator accepts, and refresh grants follow lifetimes, not requests.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
class TokenLifetimesTest {

    private static final int LIFETIMES = 3;
    private static final int REQUESTS = 45;

    @Inject
    MutableClock clock;

    private TestTenants.Tenants tenants;

    @BeforeEach
    void tenants() {
        TestDatabase.truncateAll();
        tenants = TestTenants.seed();
    }

    @AfterEach
    void realTimeAndHourLongTokensAgain() {
        clock.reset();
        SimulatorAdmin.reset(Map.of("accessTokenTtlSeconds", 3600));
    }

    private Response agencyToken() {
        return TestUsers.SERVICE
                .request()
                .contentType("application/json")
                .body(Map.of("agencyId", tenants.agencyA().toString()))
                .post("/internal/v1/fanvue-tokens");
    }

    private void connectWithTokensOf(long lifetimeSeconds) {
        SimulatorAdmin.reset(Map.of("accessTokenTtlSeconds", lifetimeSeconds));
        clock.set(Instant.now());
        FanvueConnectFlow.connect(TestUsers.AGENCY_ADMIN, "agency", null);
        SimulatorAdmin.clearJournal();
    }

    @ParameterizedTest(name = "{0} s tokens")
    @ValueSource(longs = {3600, 600, 120, 20})
    void everyRequestGetsAWorkingTokenAndRefreshesFollowLifetimesNotRequests(long lifetimeSeconds) {
        connectWithTokensOf(lifetimeSeconds);
        Duration step =
                Duration.ofSeconds(lifetimeSeconds).multipliedBy(LIFETIMES).dividedBy(REQUESTS);
        Set<String> tokens = new HashSet<>();

        for (int i = 0; i < REQUESTS; i++) {
            clock.advance(step);
            Response response = agencyToken();
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
            String token = response.path("accessToken");
            SimulatorAdmin.assertAccepts(token);
            tokens.add(token);
        }

        long grants = SimulatorAdmin.stats().getLong("refreshGrants");
        assertThat(grants).as("refresh grants over %d lifetimes", LIFETIMES).isBetween(LIFETIMES - 1L, LIFETIMES + 1L);
        assertThat(tokens).hasSize((int) grants + 1);
        assertThat(SimulatorAdmin.stats().getLong("revokedGrants")).isZero();
    }

    @Test
    void aTokenTooShortForTheFloorIsServedOnceRefreshedCountedAndNotRefreshedAgainAtOnce() {
        connectWithTokensOf(6);
        double before = ServiceMetrics.value("onyx_fanvue_token_short_lived_total");
        clock.advance(Duration.ofSeconds(3)); // half of 6 s: due

        String refreshed = agencyToken().then().statusCode(200).extract().path("accessToken");
        String again = agencyToken().then().statusCode(200).extract().path("accessToken");

        assertThat(again).isEqualTo(refreshed);
        SimulatorAdmin.assertAccepts(refreshed);
        assertThat(SimulatorAdmin.stats().getLong("refreshGrants")).isEqualTo(1);
        assertThat(ServiceMetrics.value("onyx_fanvue_token_short_lived_total")).isEqualTo(before + 1);
    }
}
