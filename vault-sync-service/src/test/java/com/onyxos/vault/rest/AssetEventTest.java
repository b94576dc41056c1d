package com.onyxos.vault.rest;

import static com.onyxos.vault.VaultFixtures.as;
import static com.onyxos.vault.VaultFixtures.asset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TestUser;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.vault.VaultFixtures;
import com.onyxos.vault.VaultFixtures.Stored;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sends and unlocks reported by the dashboard: idempotent, and the asset's performance follows exactly. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class AssetEventTest {

    private UUID agency;
    private UUID assetId;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @BeforeEach
    void seed() {
        TestDatabase.truncateAll();
        TestTenants.Tenants tenants = TestTenants.seed();
        agency = tenants.agencyA();
        UUID creator = TestTenants.creator(agency, UUID.randomUUID(), "alice");
        assetId = asset(agency, creator, "beach.jpg").insert();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void sendsAndUnlocksMakeExactPerformance() {
        for (int i = 0; i < 4; i++) {
            report(TestUsers.AGENCY_MEMBER, event("sent", "m-" + i, null))
                    .then()
                    .statusCode(201);
        }
        report(TestUsers.AGENCY_MEMBER, event("unlocked", "m-0", 1299L)).then().statusCode(201);
        report(TestUsers.AGENCY_MEMBER, event("unlocked", "m-2", 701L))
                .then()
                .statusCode(201)
                .body("event.type", equalTo("unlocked"))
                .body("event.source", equalTo("dashboard"))
                .body("event.revenue", equalTo(701))
                .body("performance.timesSent", equalTo(4))
                .body("performance.timesUnlocked", equalTo(2))
                .body("performance.totalRevenue", equalTo(2000))
                .body("performance.conversionRate", comparesEqualTo(new BigDecimal("0.5")));
        assertThat(VaultFixtures.performanceOf(assetId)).isEqualTo(new Stored(4, 2, 2000, new BigDecimal("0.500000")));
    }

    @Test
    void conversionIsRoundedToSixDecimals() {
        for (int i = 0; i < 3; i++) {
            report(TestUsers.AGENCY_MEMBER, event("sent", "m-" + i, null));
        }
        report(TestUsers.AGENCY_MEMBER, event("unlocked", "m-0", 100L));
        assertThat(VaultFixtures.performanceOf(assetId).conversion()).isEqualByComparingTo("0.333333");
    }

    @Test
    void theSameEventTwiceIsRecordedOnceAndAnswers200WithTheFirst() {
        String firstId = report(TestUsers.AGENCY_MEMBER, event("sent", "m-1", null))
                .then()
                .statusCode(201)
                .extract()
                .path("event.id");
        report(TestUsers.AGENCY_MEMBER, event("unlocked", "m-1", 500L)).then().statusCode(201);
        Stored before = VaultFixtures.performanceOf(assetId);
        report(TestUsers.AGENCY_ADMIN, event("sent", "m-1", null))
                .then()
                .statusCode(200)
                .body("event.id", equalTo(firstId))
                .body("performance.timesSent", equalTo(1));
        // A repeat with another amount is still the same event: the first report wins.
        report(TestUsers.AGENCY_MEMBER, event("unlocked", "m-1", 999L))
                .then()
                .statusCode(200)
                .body("event.revenue", equalTo(500));
        assertThat(VaultFixtures.count("select count(*) from asset_events where asset_id = ?", assetId))
                .isEqualTo(2);
        assertThat(VaultFixtures.performanceOf(assetId))
                .isEqualTo(before)
                .isEqualTo(new Stored(1, 1, 500, new BigDecimal("1.000000")));
    }

    @Test
    void moreUnlocksThanSendsCapConversionAtOne() {
        report(TestUsers.AGENCY_MEMBER, event("unlocked", "m-1", 300L)).then().statusCode(201);
        assertThat(VaultFixtures.performanceOf(assetId)).isEqualTo(new Stored(0, 1, 300, new BigDecimal("1.000000")));
        report(TestUsers.AGENCY_MEMBER, event("unlocked", "m-2", 300L));
        report(TestUsers.AGENCY_MEMBER, event("sent", "m-2", null));
        assertThat(VaultFixtures.performanceOf(assetId)).isEqualTo(new Stored(1, 2, 600, new BigDecimal("1.000000")));
    }

    @Test
    void sendsAloneMakeZeroConversionAndUnlockedWithoutRevenueCountsZero() {
        report(TestUsers.AGENCY_MEMBER, event("sent", "m-1", null)).then().statusCode(201);
        assertThat(VaultFixtures.performanceOf(assetId)).isEqualTo(new Stored(1, 0, 0, new BigDecimal("0.000000")));
        report(TestUsers.AGENCY_MEMBER, event("unlocked", "m-1", null)).then().statusCode(201);
        assertThat(VaultFixtures.performanceOf(assetId)).isEqualTo(new Stored(1, 1, 0, new BigDecimal("1.000000")));
    }

    @Test
    void concurrentReportsOnOneAssetLoseNoCount() throws Exception {
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Map<String, Object> body = event(i % 2 == 0 ? "sent" : "unlocked", "m-" + (i / 2), i % 2 == 0 ? null : 10L);
            calls.add(CompletableFuture.supplyAsync(
                    () -> report(TestUsers.AGENCY_MEMBER, body).statusCode(), threads));
            // Every report is also sent twice at once: idempotency under concurrency.
            calls.add(CompletableFuture.supplyAsync(
                    () -> report(TestUsers.AGENCY_MEMBER, body).statusCode(), threads));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> call : calls) {
            statuses.add(call.get());
        }
        assertThat(statuses).containsOnly(200, 201);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(24);
        assertThat(VaultFixtures.performanceOf(assetId)).isEqualTo(new Stored(12, 12, 120, new BigDecimal("1.000000")));
    }

    @Test
    void anotherAgencysMemberGets404AndRecordsNothing() {
        report(TestUsers.OTHER_AGENCY_USER, event("sent", "m-1", null))
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("asset_not_found"));
        assertThat(VaultFixtures.count("select count(*) from asset_events")).isZero();
        assertThat(VaultFixtures.performanceOf(assetId)).isNull();
    }

    @Test
    void anEventAtAGivenTimeKeepsThatTime() {
        Map<String, Object> body = event("sent", "m-1", null);
        body.put("at", "2025-05-05T12:00:00Z");
        report(TestUsers.AGENCY_MEMBER, body).then().statusCode(201).body("event.at", equalTo("2025-05-05T12:00:00Z"));
    }

    static Map<String, Object> event(String type, String message, Long revenue) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("messageUuid", message);
        if (revenue != null) {
            body.put("revenue", revenue);
        }
        return body;
    }

    private Response report(TestUser user, Map<String, Object> body) {
        return as(user).contentType(ContentType.JSON).body(body).post("/api/vault/assets/" + assetId + "/events");
    }
}
