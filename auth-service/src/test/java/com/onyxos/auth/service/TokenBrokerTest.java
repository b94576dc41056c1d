package com.onyxos.auth.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.onyxos.auth.config.BrokerConfig;
import com.onyxos.auth.job.TokenRefreshSweep;
import com.onyxos.auth.repository.CreatorRepository;
import com.onyxos.auth.repository.FanvueConnectionRepository;
import com.onyxos.auth.repository.StoredConnection;
import com.onyxos.auth.rest.FanvueConnectFlow;
import com.onyxos.common.fanvue.FanvueClient;
import com.onyxos.common.fanvue.FanvueClientSettings;
import com.onyxos.common.run.RunLeaseConfig;
import com.onyxos.common.run.RunLeases;
import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.SimulatorAdmin;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TestUsers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token broker against the simulator: resolution, single-flight refresh across replicas, invalid_grant. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
class TokenBrokerTest {

    @Inject
    FanvueConnectionRepository connections;

    @Inject
    CreatorRepository creators;

    @Inject
    ConnectionSecrets secrets;

    @Inject
    FanvueClient fanvue;

    @Inject
    BrokerConfig config;

    @Inject
    BrokerMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    TokenRefreshSweep sweep;

    @Inject
    RunLeases leases;

    @Inject
    RunLeaseConfig leaseConfig;

    @Inject
    io.vertx.mutiny.core.Vertx vertx;

    @Inject
    io.vertx.mutiny.sqlclient.Pool dbPool;

    @Inject
    @CacheName("replica-b-access-tokens")
    Cache replicaBCache;

    private TestTenants.Tenants tenants;
    private final ExecutorService pool = Executors.newFixedThreadPool(16);

    @BeforeEach
    void connect() {
        com.onyxos.common.testing.TestDatabase.truncateAll();
        tenants = TestTenants.seed();
        SimulatorAdmin.reset();
        replicaBCache.invalidateAll().await().indefinitely();
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private Response broker(Map<String, ?> body) {
        return TestUsers.SERVICE
                .request()
                .contentType("application/json")
                .body(body)
                .post("/internal/v1/fanvue-tokens");
    }

    private Response agencyToken() {
        return broker(Map.of("agencyId", tenants.agencyA().toString()));
    }

    private static void execute(String sql) {
        ConnectionRows.execute(sql);
    }

    private static String single(String sql) {
        return ConnectionRows.single(sql);
    }

    private void connectAgencyAndExpireSoon() {
        ConnectionRows.connectAgencyAndExpireSoon();
    }

    @Test
    void aUserTokenIsForbidden() {
        TestUsers.AGENCY_ADMIN
                .request()
                .contentType("application/json")
                .body(Map.of("agencyId", tenants.agencyA().toString()))
                .post("/internal/v1/fanvue-tokens")
                .then()
                .statusCode(403);
    }

    @Test
    void withoutAConnectionTheAnswerIs404FanvueNotConnected() {
        broker(Map.of("agencyId", tenants.agencyB().toString()))
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("fanvue_not_connected"))
                .body("detail", containsString("No Fanvue access token for this model"));
    }

    @Test
    void aFreshTokenIsServedWithoutARefreshAndWorksAtFanvue() {
        FanvueConnectFlow.connect(TestUsers.AGENCY_ADMIN, "agency", null);
        SimulatorAdmin.clearJournal();

        String token = agencyToken()
                .then()
                .statusCode(200)
                .body("source", equalTo("agency"))
                .body("fanvueUserId", equalTo(SimulatorAdmin.world().getString("agencies[0].admin.uuid")))
                .extract()
                .path("accessToken");

        assertThat(SimulatorAdmin.refreshGrants()).isZero();
        SimulatorAdmin.assertAccepts(token);
    }

    @Test
    void fiftyConcurrentRequestsOnAnExpiringConnectionCauseOneRefresh() throws Exception {
        connectAgencyAndExpireSoon();

        List<Future<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(pool.submit(this::agencyToken));
        }
        Set<String> tokens = new java.util.HashSet<>();
        for (Future<Response> call : calls) {
            Response response = call.get();
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
            tokens.add(response.path("accessToken"));
        }

        assertThat(SimulatorAdmin.refreshGrants()).isEqualTo(1);
        assertThat(tokens).hasSize(1);
        assertThat(single("select version from agency_fanvue_connections")).isEqualTo("1");
    }

    @Test
    void twoReplicasSharingTheDatabaseStillRefreshOnce() throws Exception {
        connectAgencyAndExpireSoon();
        RunLeases leasesB = new RunLeases(vertx, dbPool, leaseConfig, new SimpleMeterRegistry(), "auth-replica-b");
        TokenRefresher refresherB = new TokenRefresher(connections, secrets, fanvue, config, metrics, clock, leasesB);
        FanvueTokenBroker replicaB = new FanvueTokenBroker(
                connections, creators, secrets, refresherB, config, metrics, replicaBCache, clock);

        List<Future<Response>> viaHttp = new ArrayList<>();
        List<CompletableFuture<FanvueTokenBroker.BrokeredToken>> viaB = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            viaHttp.add(pool.submit(this::agencyToken));
            viaB.add(replicaB.token(tenants.agencyA(), null, null).subscribeAsCompletionStage());
        }
        Set<String> tokens = new java.util.HashSet<>();
        for (Future<Response> call : viaHttp) {
            tokens.add(call.get().then().statusCode(200).extract().path("accessToken"));
        }
        for (CompletableFuture<FanvueTokenBroker.BrokeredToken> call : viaB) {
            tokens.add(call.get().accessToken());
        }

        assertThat(SimulatorAdmin.refreshGrants()).isEqualTo(1);
        assertThat(SimulatorAdmin.stats().getLong("revokedGrants")).isZero();
        assertThat(tokens).hasSize(1);
        leasesB.close().await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void aLostRefreshAnswerEndsInReauthRequiredWithoutALoop() {
        connectAgencyAndExpireSoon();
        SimulatorAdmin.addFault(Map.of("path", "/oauth2/token", "kind", "loseResponse", "count", 1));

        agencyToken().then().statusCode(503).body("code", equalTo("fanvue_unavailable"));
        agencyToken().then().statusCode(404).body("code", equalTo("fanvue_not_connected"));
        agencyToken().then().statusCode(404);

        assertThat(SimulatorAdmin.refreshGrants()).isEqualTo(2);
        TestUsers.AGENCY_ADMIN
                .request()
                .get("/api/fanvue/connections")
                .then()
                .body("[0].status", equalTo("reauth_required"))
                .body("[0].lastRefreshError", containsString("invalid_grant"));
        io.restassured.RestAssured.given()
                .get("/q/metrics")
                .then()
                .body(containsString("onyx_fanvue_token_refreshes_total{outcome=\"invalid_grant\""));
    }

    @Test
    void aTokenReportedAsRejectedIsRenewedOnceForEveryone() {
        FanvueConnectFlow.connect(TestUsers.AGENCY_ADMIN, "agency", null);
        String rejected = agencyToken().then().statusCode(200).extract().path("accessToken");
        SimulatorAdmin.clearJournal();
        Map<String, String> report = Map.of("agencyId", tenants.agencyA().toString(), "rejectedAccessToken", rejected);

        String renewed = broker(report).then().statusCode(200).extract().path("accessToken");
        String again = broker(report).then().statusCode(200).extract().path("accessToken");

        assertThat(renewed).isNotEqualTo(rejected).isEqualTo(again);
        assertThat(SimulatorAdmin.refreshGrants()).isEqualTo(1);
    }

    @Test
    void thePersonalConnectionIsTheFallback() {
        String creatorUuid = SimulatorAdmin.world().getString("agencies[0].creators[0].uuid");
        UUID creatorId = TestTenants.creator(tenants.agencyA(), UUID.fromString(creatorUuid), "creator-one");
        FanvueConnectFlow.connect(TestUsers.AGENCY_ADMIN, "personal", creatorUuid);

        broker(Map.of("agencyId", tenants.agencyA().toString(), "creatorId", creatorId.toString()))
                .then()
                .statusCode(200)
                .body("source", equalTo("personal"));
        broker(Map.of(
                        "agencyId",
                        tenants.agencyA().toString(),
                        "creatorId",
                        UUID.randomUUID().toString()))
                .then()
                .statusCode(404)
                .body("code", equalTo("creator_not_found"));
    }

    @Test
    void askingForThePersonalConnectionSkipsTheAgencyOne() {
        String creatorUuid = SimulatorAdmin.world().getString("agencies[1].creators[0].uuid");
        UUID creatorId = TestTenants.creator(tenants.agencyA(), UUID.fromString(creatorUuid), "outside-creator");
        FanvueConnectFlow.connect(TestUsers.AGENCY_ADMIN, "agency", null);
        String agency = tenants.agencyA().toString();

        broker(Map.of("agencyId", agency, "creatorId", creatorId.toString()))
                .then()
                .statusCode(200)
                .body("source", equalTo("agency"));
        broker(Map.of("agencyId", agency, "creatorId", creatorId.toString(), "source", "personal"))
                .then()
                .statusCode(404)
                .body("code", equalTo("fanvue_not_connected"));

        FanvueConnectFlow.connect(TestUsers.AGENCY_ADMIN, "personal", creatorUuid);
        broker(Map.of("agencyId", agency, "creatorId", creatorId.toString(), "source", "personal"))
                .then()
                .statusCode(200)
                .body("source", equalTo("personal"))
                .body("fanvueUserId", equalTo(creatorUuid));
        broker(Map.of("agencyId", agency, "source", "personal")).then().statusCode(400);
        broker(Map.of("agencyId", agency, "creatorId", creatorId.toString(), "source", "agency"))
                .then()
                .statusCode(400);
    }

    @Test
    void theSweepRefreshesWhatIsDueBeforeItsNextRunByTheBrokersRule() {
        FanvueConnectFlow.connect(TestUsers.AGENCY_ADMIN, "agency", null);
        // An hour-long token: its margin is 5 minutes, the sweep runs every 60 s.
        execute("update agency_fanvue_connections set token_expires_at = now() + interval '6 minutes 30 seconds',"
                + " token_issued_at = now() - interval '53 minutes 30 seconds'");
        SimulatorAdmin.clearJournal();

        assertThat(sweep.sweep().await().atMost(Duration.ofSeconds(30)))
                .as("due in 90 s")
                .isZero();
        execute("update agency_fanvue_connections set token_expires_at = now() + interval '5 minutes 30 seconds'");
        assertThat(sweep.sweep().await().atMost(Duration.ofSeconds(30)))
                .as("due in 30 s")
                .isEqualTo(1);

        assertThat(SimulatorAdmin.refreshGrants()).isEqualTo(1);
        assertThat(sweep.sweep().await().atMost(Duration.ofSeconds(30)))
                .as("freshly issued")
                .isZero();
    }

    @Test
    void aRefreshAnswerWithoutARefreshTokenKeepsTheStoredOne() throws Exception {
        FanvueConnectFlow.connect(TestUsers.AGENCY_ADMIN, "agency", null);
        StoredConnection before =
                connections.findAgencyConnection(tenants.agencyA()).await().indefinitely();
        WireMockServer auth = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        auth.start();
        io.vertx.mutiny.core.Vertx vertx = io.vertx.mutiny.core.Vertx.vertx();
        try (FanvueClient wireMocked = new FanvueClient(
                vertx,
                FanvueClientSettings.defaults()
                        .withBaseUrls(URI.create(auth.baseUrl()), URI.create(auth.baseUrl()))
                        .withClient("c", "s"))) {
            auth.stubFor(WireMock.post("/oauth2/token")
                    .willReturn(WireMock.okJson(
                            "{\"access_token\":\"at-rotated-alone\",\"expires_in\":3600,\"token_type\":\"Bearer\"}")));
            TokenRefresher refresher =
                    new TokenRefresher(connections, secrets, wireMocked, config, metrics, clock, leases);

            StoredConnection after = refresher.refresh(before, true).await().atMost(Duration.ofSeconds(10));

            assertThat(after.version()).isEqualTo(before.version() + 1);
            assertThat(secrets.openAccess(after).plaintext()).isEqualTo("at-rotated-alone");
            assertThat(after.refreshTokenCiphertext()).isEqualTo(before.refreshTokenCiphertext());
            assertThat(secrets.openRefresh(after).plaintext())
                    .isEqualTo(secrets.openRefresh(before).plaintext());
        } finally {
            auth.stop();
            vertx.closeAndAwait();
        }
    }

    @Test
    void badBrokerInputIsA400() {
        broker(Map.of("agencyId", "nope")).then().statusCode(400);
        TestUsers.SERVICE
                .request()
                .contentType("application/json")
                .body("{}")
                .post("/internal/v1/fanvue-tokens")
                .then()
                .statusCode(400);
    }
}
