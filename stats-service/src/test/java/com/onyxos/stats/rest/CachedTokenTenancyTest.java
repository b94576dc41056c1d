package com.onyxos.stats.rest;

import static org.hamcrest.Matchers.equalTo;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.ServiceMetrics;
import com.onyxos.common.testing.TestTokens;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.stats.service.BackgroundRefresh;
import com.onyxos.stats.testing.StatsWorld;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stats read with tokens served from the verified-token cache: each cached token keeps its own caller, so
 * tenancy and roles are what a fully checked token gets, on the first request and every later one.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class CachedTokenTenancyTest {

    private static final String HITS = "onyx_security_token_cache_total{result=\"hit\"}";

    @Inject
    BackgroundRefresh background;

    private StatsWorld world;
    private List<UUID> creators;

    @BeforeEach
    void world() {
        world = StatsWorld.connected(2);
        creators = world.importCreators(background);
    }

    @AfterEach
    void quiet() {
        StatsWorld.awaitQuiet(background);
    }

    @Test
    void anotherAgencysCachedTokenNeverReadsTheCreator() {
        String stats = "/api/creators/" + creators.get(0) + "/stats";
        String member = TestTokens.mint(TestUsers.AGENCY_MEMBER);
        String other = TestTokens.mint(TestUsers.OTHER_AGENCY_USER);
        double hits = ServiceMetrics.value(HITS);
        for (int round = 0; round < 3; round++) {
            bearer(member)
                    .get(stats)
                    .then()
                    .statusCode(200)
                    .body("creatorId", equalTo(creators.get(0).toString()));
            bearer(other).get(stats).then().statusCode(404).body("code", equalTo("creator_not_found"));
            bearer(other)
                    .header("X-Agency-Id", world.tenants.agencyA().toString())
                    .get(stats)
                    .then()
                    .statusCode(404)
                    .body("code", equalTo("agency_not_found"));
        }
        // Every request after each token's first was answered from the cache.
        Assertions.assertThat(ServiceMetrics.value(HITS))
                .as(() -> RestAssured.get("/q/metrics")
                        .asString()
                        .lines()
                        .filter(line -> line.contains("verified"))
                        .toList()
                        .toString())
                .isGreaterThanOrEqualTo(hits + 7);
    }

    @Test
    void aCachedMembersTokenStaysAMember() {
        String member = TestTokens.mint(TestUsers.AGENCY_MEMBER);
        String anomalies = "/api/creators/" + creators.get(0) + "/anomalies";
        for (int round = 0; round < 3; round++) {
            bearer(member).get(anomalies).then().statusCode(403).body("code", equalTo("agency_admin_required"));
        }
        TestUsers.AGENCY_ADMIN.request().get(anomalies).then().statusCode(200);
    }

    @Test
    void aServiceOnlyEndpointRefusesACachedUserToken() {
        String admin = TestTokens.mint(TestUsers.AGENCY_ADMIN);
        for (int round = 0; round < 3; round++) {
            bearer(admin).post("/internal/v1/jobs/creator-import").then().statusCode(403);
        }
        String service = TestTokens.mint(TestUsers.SERVICE);
        for (int round = 0; round < 2; round++) {
            bearer(service).post("/internal/v1/jobs/creator-import").then().statusCode(200);
        }
    }

    private static RequestSpecification bearer(String token) {
        return RestAssured.given().auth().oauth2(token);
    }
}
