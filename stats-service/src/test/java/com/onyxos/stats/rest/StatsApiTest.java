package com.onyxos.stats.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.SimulatorAdmin;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.stats.service.BackgroundRefresh;
import com.onyxos.stats.service.StatsCache;
import com.onyxos.stats.testing.MutableClock;
import com.onyxos.stats.testing.StatsDb;
import com.onyxos.stats.testing.StatsWorld;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The creators and stats API against the simulator: figures, cache and single flight, joins, tenancy, roles. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class StatsApiTest {

    private static final String ACCOUNT_ROUTE = "/creators/{creatorUserUuid}/account";

    @Inject
    BackgroundRefresh background;

    @Inject
    StatsCache cache;

    @Inject
    MutableClock clock;

    private StatsWorld world;
    private List<UUID> creators;

    @BeforeEach
    void world() {
        clock.reset();
        world = StatsWorld.connected(3);
        creators = world.importCreators(background);
    }

    @AfterEach
    void quiet() {
        SimulatorAdmin.clearFaults();
        StatsWorld.awaitQuiet(background);
    }

    private static JsonPath truth(String creatorUuid) {
        return RestAssured.given()
                .baseUri(SimulatorAdmin.baseUrl())
                .get("/_simulator/creators/" + creatorUuid + "/truth")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private JsonPath fanvueAccount(String creatorUuid) {
        return RestAssured.given()
                .baseUri(SimulatorAdmin.baseUrl())
                .auth()
                .oauth2(world.adminToken)
                .header("X-Fanvue-API-Version", "2025-06-26")
                .get("/creators/" + creatorUuid + "/account")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Makes every figure of the creator look old and forgets what the cache holds. */
    private void makeStale(UUID creator) {
        StatsDb.update(
                "update models set revenue_refreshed_at = now() - interval '1 hour', stats_attempted_at = null"
                        + " where id = ?",
                creator);
        cache.invalidate(world.tenants.agencyA(), creator).await().indefinitely();
    }

    private static long accountCalls(String creatorUuid) {
        return SimulatorAdmin.journal(Map.of("route", ACCOUNT_ROUTE)).stream()
                .filter(entry -> ((String) entry.get("path")).contains(creatorUuid))
                .count();
    }

    @Test
    void theListCarriesEveryCreatorWithFanvuesFigures() {
        JsonPath list = TestUsers.AGENCY_MEMBER
                .request()
                .get("/api/creators")
                .then()
                .statusCode(200)
                .body("items", hasSize(3))
                .extract()
                .jsonPath();

        for (int i = 0; i < 3; i++) {
            String uuid = list.getString("items[" + i + "].fanvueUserUuid");
            JsonPath truth = truth(uuid);
            JsonPath account = fanvueAccount(uuid);
            String stats = "items[" + i + "].stats.";
            assertThat(list.getLong(stats + "revenueTotal.value")).isEqualTo(truth.getLong("earnings.gross"));
            assertThat(list.getLong(stats + "revenueNetTotal.value")).isEqualTo(truth.getLong("earnings.net"));
            assertThat(list.getLong(stats + "subscribers.value"))
                    .isEqualTo(account.getLong("account.fans.subscribers"));
            assertThat(list.getLong(stats + "followers.value")).isEqualTo(account.getLong("account.fans.followers"));
            assertThat(list.getLong(stats + "availableBalance.value"))
                    .isEqualTo(account.getLong("account.earnings.availableBalance"));
            for (String figure :
                    List.of("posts", "likes", "images", "videos", "audios", "unreadChats", "unreadMessages")) {
                assertThat(list.<Object>get(stats + figure + ".value"))
                        .as(figure)
                        .isNotNull();
                assertThat(list.getBoolean(stats + figure + ".stale"))
                        .as(figure)
                        .isFalse();
            }
            assertThat(list.getString(stats + "connection")).isEqualTo("active");
            assertThat(list.getString("items[" + i + "].seenVia")).isEqualTo("agency");
            assertThat(list.getBoolean("items[" + i + "].listed")).isTrue();
        }
    }

    @Test
    void aFigureNeverFetchedIsNullNotZero() {
        UUID fresh = (UUID) StatsDb.rows(
                        "insert into models (agency_id, fanvue_user_uuid, handle, status) values (?, ?, 'new', 'paused')"
                                + " returning id",
                        world.tenants.agencyA(),
                        UUID.randomUUID())
                .get(0)
                .get("id");

        TestUsers.AGENCY_MEMBER
                .request()
                .get("/api/creators/" + fresh + "/stats")
                .then()
                .statusCode(200)
                .body("subscribers.value", equalTo(null))
                .body("subscribers.refreshedAt", equalTo(null))
                .body("subscribers.stale", equalTo(true))
                .body("revenueTotal.value", equalTo(null))
                .body("stale", equalTo(true));
    }

    @Test
    void twoHundredConcurrentReadsOfAStaleCreatorStartExactlyOneRefresh() throws Exception {
        UUID creator = creators.get(0);
        String uuid = world.creatorUuids.get(0);
        makeStale(creator);
        SimulatorAdmin.clearJournal();

        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            String token = TestUsers.AGENCY_MEMBER.token();
            List<Future<Integer>> reads = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                reads.add(pool.submit(() -> RestAssured.given()
                        .auth()
                        .oauth2(token)
                        .get("/api/creators/" + creator + "/stats")
                        .statusCode()));
            }
            for (Future<Integer> read : reads) {
                assertThat(read.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        StatsWorld.awaitQuiet(background);

        assertThat(accountCalls(uuid)).isEqualTo(1);
        TestUsers.AGENCY_MEMBER
                .request()
                .get("/api/creators/" + creator + "/stats")
                .then()
                .statusCode(200)
                .body("stale", equalTo(false));
    }

    @Test
    void aRefreshOfACreatorAlreadyRefreshingJoinsIt() throws Exception {
        UUID creator = creators.get(1);
        SimulatorAdmin.latency(400, 0);
        SimulatorAdmin.clearJournal();
        try {
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(
                    () -> TestUsers.AGENCY_MEMBER.request().post("/api/creators/" + creator + "/stats/refresh"));
            Thread.sleep(150);
            Response second = TestUsers.AGENCY_ADMIN.request().post("/api/creators/" + creator + "/stats/refresh");

            second.then().statusCode(200).body("joined", equalTo(true));
            first.get().then().statusCode(200).body("joined", equalTo(false)).body("fields", hasSize(12));
        } finally {
            SimulatorAdmin.latency(0, 0);
        }
        assertThat(accountCalls(world.creatorUuids.get(1))).isEqualTo(1);
    }

    @Test
    void aConnectionWaitingForReauthorizationIsShownAndFanvueIsNotCalled() {
        StatsDb.update("update agency_fanvue_connections set status = 'reauth_required'");
        TokenBrokerStub.notConnected();
        UUID creator = creators.get(0);
        Map<String, Object> before = StatsDb.creator(creator);
        SimulatorAdmin.clearJournal();

        Response refresh = TestUsers.AGENCY_MEMBER.request().post("/api/creators/" + creator + "/stats/refresh");

        refresh.then().statusCode(200).body("fields.findAll { it.outcome == 'kept' }", hasSize(12));
        assertThat(refresh.<String>path("fields[0].error")).contains("Fanvue not connected");
        assertThat(SimulatorAdmin.journal(Map.of())).isEmpty();
        assertThat(StatsDb.creator(creator).get("subscribers_count")).isEqualTo(before.get("subscribers_count"));
        TestUsers.AGENCY_MEMBER
                .request()
                .get("/api/creators/" + creator + "/stats")
                .then()
                .statusCode(200)
                .body("connection", equalTo("reauth_required"))
                .body("subscribers.value", equalTo(((Number) before.get("subscribers_count")).intValue()));
    }

    @Test
    void aCreatorWithoutAnyFanvueConnectionIsShownNotConnected() {
        UUID creator = creators.get(0);
        assertThat(connectionShownOnceAllConnectionsAre("revoked", creator)).isEqualTo("not_connected");
        assertThat(connectionShownOnceAllConnectionsAre("reauth_required", creator))
                .isEqualTo("reauth_required");
    }

    private String connectionShownOnceAllConnectionsAre(String status, UUID creator) {
        StatsDb.update("update agency_fanvue_connections set status = ?", status);
        cache.invalidate(world.tenants.agencyA(), creator).await().indefinitely();
        return TestUsers.AGENCY_MEMBER
                .request()
                .get("/api/creators/" + creator + "/stats")
                .then()
                .statusCode(200)
                .extract()
                .path("connection");
    }

    @Test
    void refreshAllAgainstFailingFanvueKeepsEveryFigureAndRecordsWhy() {
        List<Map<String, Object>> before = StatsDb.rows("select * from models order by id");
        SimulatorAdmin.addFault(Map.of("path", "/creators/*/account", "kind", "error", "status", 503));
        SimulatorAdmin.addFault(Map.of("path", "/creators/*/insights/earnings/summary", "kind", "emptyObject"));
        SimulatorAdmin.addFault(Map.of("path", "/creators/*/posts", "kind", "truncatedJson"));
        SimulatorAdmin.addFault(Map.of("path", "/creators/*/media", "kind", "emptyBody"));
        SimulatorAdmin.addFault(Map.of("path", "/creators/*/chats", "kind", "error", "status", 500));

        JsonPath answer = TestUsers.AGENCY_MEMBER
                .request()
                .post("/api/creators/stats/refresh-all")
                .then()
                .statusCode(200)
                .body("creators", hasSize(3))
                .body("refreshed", equalTo(0))
                .body("kept", equalTo(36))
                .extract()
                .jsonPath();

        for (String column : List.of(
                "revenue_total",
                "subscribers_count",
                "available_balance",
                "posts_count",
                "likes_count",
                "image_count",
                "unread_chats_count",
                "subscribers_refreshed_at")) {
            assertThat(StatsDb.rows("select * from models order by id"))
                    .extracting(row -> row.get(column))
                    .as(column)
                    .containsExactlyElementsOf(
                            before.stream().map(row -> row.get(column)).toList());
        }
        assertThat(answer.getList("creators[0].fields.reason")).contains("error", "empty");
        assertThat(answer.getString("creators[0].fields.find { it.field == 'subscribers' }.error"))
                .contains("503");
        assertThat(StatsDb.count(
                        "select count(*) from stats_anomalies where kind = 'empty' and field = 'revenueTotal'"))
                .isEqualTo(3);
        assertThat(StatsDb.count("select count(*) from stats_anomalies")).isEqualTo(36);
        assertThat(StatsDb.count("select count(*) from models where subscribers_count = 0 or revenue_total = 0"))
                .isZero();
        assertThat(RestAssured.get("/q/metrics")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains("onyx_stats_figures_total{outcome=\"kept\",reason=\"empty\"");
    }

    @Test
    void anotherAgencysCreatorIsNotFoundOnEveryEndpoint() {
        String id = creators.get(0).toString();
        var user = TestUsers.OTHER_AGENCY_USER;

        user.request().get("/api/creators/" + id).then().statusCode(404).body("code", equalTo("creator_not_found"));
        user.request().get("/api/creators/" + id + "/stats").then().statusCode(404);
        user.request().post("/api/creators/" + id + "/stats/refresh").then().statusCode(404);
        user.request().get("/api/creators/" + id + "/anomalies").then().statusCode(404);
        user.request()
                .contentType(ContentType.JSON)
                .body(Map.of("status", "paused"))
                .patch("/api/creators/" + id)
                .then()
                .statusCode(404);
        user.request().get("/api/creators").then().statusCode(200).body("items", hasSize(0));
        user.request()
                .post("/api/creators/stats/refresh-all")
                .then()
                .statusCode(200)
                .body("creators", hasSize(0));
        assertThat(StatsDb.creator(creators.get(0)).get("status")).isEqualTo("active");
    }

    @Test
    void badInputAnswersProblemsNeverServerErrors() {
        String id = creators.get(0).toString();
        var admin = TestUsers.AGENCY_ADMIN;

        admin.request()
                .get("/api/creators/not-a-uuid/stats")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_input"));
        admin.request().get("/api/creators/1-2-3-4-5").then().statusCode(400);
        admin.request().post("/api/creators/123/stats/refresh").then().statusCode(400);
        admin.request()
                .contentType(ContentType.JSON)
                .body("{\"status\": \"paused\"")
                .patch("/api/creators/" + id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed_json"));
        admin.request()
                .contentType(ContentType.JSON)
                .body(Map.of("status", "deleted"))
                .patch("/api/creators/" + id)
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_input"));
        admin.request()
                .contentType(ContentType.JSON)
                .body("{}")
                .patch("/api/creators/" + id)
                .then()
                .statusCode(400);
        admin.request()
                .contentType(ContentType.JSON)
                .body("{\"status\": 7}")
                .patch("/api/creators/" + id)
                .then()
                .statusCode(400);
        admin.request()
                .contentType(ContentType.JSON)
                .body(Map.of("nickname", "x".repeat(101)))
                .patch("/api/creators/" + id)
                .then()
                .statusCode(400);
        admin.request().get("/api/creators/" + id + "/anomalies?limit=0").then().statusCode(400);
        admin.request()
                .get("/api/creators/" + id + "/anomalies?limit=abc")
                .then()
                .statusCode(400);
        RestAssured.given().get("/api/creators").then().statusCode(401).body("code", equalTo("unauthenticated"));
    }

    @Test
    void membersReadAndRefreshAdminsEditAndSeeAnomalies() {
        String id = creators.get(0).toString();

        TestUsers.AGENCY_MEMBER
                .request()
                .contentType(ContentType.JSON)
                .body(Map.of("status", "paused"))
                .patch("/api/creators/" + id)
                .then()
                .statusCode(403)
                .body("code", equalTo("agency_admin_required"));
        TestUsers.AGENCY_MEMBER
                .request()
                .get("/api/creators/" + id + "/anomalies")
                .then()
                .statusCode(403);
        TestUsers.AGENCY_MEMBER
                .request()
                .post("/api/creators/" + id + "/stats/refresh")
                .then()
                .statusCode(200);
        TestUsers.AGENCY_ADMIN
                .request()
                .get("/api/creators/" + id + "/anomalies")
                .then()
                .statusCode(200)
                .body("items", notNullValue())
                .body("held", notNullValue());
    }

    @Test
    void adminsSetStatusAndNicknameAndOnlyActiveCreatorsAreSynced() {
        String id = creators.get(2).toString();

        TestUsers.AGENCY_ADMIN
                .request()
                .contentType(ContentType.JSON)
                .body(Map.of("status", "paused", "nickname", "  Star  "))
                .patch("/api/creators/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("paused"))
                .body("nickname", equalTo("Star"));

        TestUsers.AGENCY_MEMBER
                .request()
                .post("/api/creators/" + id + "/stats/refresh")
                .then()
                .statusCode(409)
                .body("code", equalTo("creator_not_active"));
        TestUsers.AGENCY_MEMBER
                .request()
                .post("/api/creators/stats/refresh-all")
                .then()
                .statusCode(200)
                .body("creators", hasSize(2));
        TestUsers.AGENCY_ADMIN
                .request()
                .contentType(ContentType.JSON)
                .body(Map.of("nickname", ""))
                .patch("/api/creators/" + id)
                .then()
                .statusCode(200)
                .body("nickname", equalTo(null))
                .body("status", equalTo("paused"));
        TestUsers.AGENCY_MEMBER.request().get("/api/creators/" + id).then().body("status", equalTo("paused"));
    }

    @Test
    void theJobEndpointsTakeServiceCredentialsOnly() {
        TestUsers.AGENCY_ADMIN
                .request()
                .post("/internal/v1/jobs/daily-refresh")
                .then()
                .statusCode(403);
        TestUsers.OPS.request().post("/internal/v1/jobs/daily-refresh").then().statusCode(403);
        RestAssured.given().post("/internal/v1/jobs/daily-refresh").then().statusCode(401);

        TestUsers.SERVICE
                .request()
                .post("/internal/v1/jobs/daily-refresh")
                .then()
                .statusCode(200)
                .body("agencies", hasSize(1))
                .body("agencies[0].outcome", equalTo("ran"))
                .body("agencies[0].creators", equalTo(3))
                .body("agencies[0].refreshed", equalTo(36));
    }

    @Test
    void twoDailyRefreshesAtOnceRunTheAgencyOnce() throws Exception {
        SimulatorAdmin.latency(300, 0);
        try {
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(
                    () -> TestUsers.SERVICE.request().post("/internal/v1/jobs/daily-refresh"));
            Thread.sleep(100);
            Response second = TestUsers.SERVICE.request().post("/internal/v1/jobs/daily-refresh");

            JsonPath a = first.get().then().statusCode(200).extract().jsonPath();
            JsonPath b = second.then().statusCode(200).extract().jsonPath();
            assertThat(List.of(a.getString("agencies[0].outcome"), b.getString("agencies[0].outcome")))
                    .containsExactlyInAnyOrder("ran", "joined");
            // The joined call waited for the same run and answers how it ended.
            assertThat(b.getString("agencies[0].runId")).isEqualTo(a.getString("agencies[0].runId"));
            assertThat(b.getString("agencies[0].status")).isEqualTo("succeeded");
            assertThat(StatsDb.count(
                            "select count(*) from job_runs where job = 'stats-daily-refresh' and agency_id = ?",
                            world.tenants.agencyA()))
                    .isEqualTo(1);
        } finally {
            SimulatorAdmin.latency(0, 0);
        }
    }

    @Test
    void refreshedAtTellsWhenEachFigureWasWritten() {
        Instant before = Instant.now().minusSeconds(1);
        TestUsers.AGENCY_MEMBER
                .request()
                .post("/api/creators/" + creators.get(0) + "/stats/refresh")
                .then()
                .statusCode(200);

        String refreshed = TestUsers.AGENCY_MEMBER
                .request()
                .get("/api/creators/" + creators.get(0) + "/stats")
                .then()
                .statusCode(200)
                .extract()
                .path("subscribers.refreshedAt");
        assertThat(Instant.parse(refreshed)).isAfter(before);
    }

    @Test
    void aMinutelyDashboardRefreshForTenMinutesNeverAsksForANewToken() {
        TokenBrokerStub.handOut(
                world.adminToken, world.adminUuid, "agency", Instant.now().plusSeconds(3600));
        int grantsBefore = SimulatorAdmin.refreshGrants();

        for (int minute = 1; minute <= 10; minute++) {
            clock.advance(java.time.Duration.ofSeconds(60));
            TestUsers.AGENCY_MEMBER.request().get("/api/creators").then().statusCode(200);
            TestUsers.AGENCY_MEMBER
                    .request()
                    .post("/api/creators/stats/refresh-all")
                    .then()
                    .statusCode(200);
            StatsWorld.awaitQuiet(background);
        }

        assertThat(TokenBrokerStub.renewals())
                .as("renewals asked of the broker")
                .isZero();
        assertThat(SimulatorAdmin.refreshGrants())
                .as("refresh grants at Fanvue")
                .isEqualTo(grantsBefore);
        // One token per creator refresh: 10 refresh-alls and at most 5 stale-read refreshes of 3 creators.
        assertThat(TokenBrokerStub.requests()).isLessThanOrEqualTo(3 * (10 + 5));
    }

    @Test
    void aTokenFanvueRejectsIsRenewedOncePerCreatorNotOncePerCall() {
        SimulatorAdmin.expireTokens(null);
        String fresh = SimulatorAdmin.issueToken(world.adminUuid);
        TokenBrokerStub.handOutThenRenew(world.adminToken, fresh, world.adminUuid);
        int grantsBefore = SimulatorAdmin.refreshGrants();

        TestUsers.AGENCY_MEMBER
                .request()
                .post("/api/creators/stats/refresh-all")
                .then()
                .statusCode(200)
                .body("refreshed", equalTo(36));

        assertThat(TokenBrokerStub.renewals())
                .as("one renewal per creator's refresh")
                .isEqualTo(3);
        assertThat(SimulatorAdmin.refreshGrants()).isEqualTo(grantsBefore);
    }
}
