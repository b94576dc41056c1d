package com.onyxos.auth.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.auth.config.BrokerConfig;
import com.onyxos.auth.repository.CreatorRepository;
import com.onyxos.auth.repository.FanvueConnectionRepository;
import com.onyxos.auth.repository.StoredConnection;
import com.onyxos.common.fanvue.FanvueClient;
import com.onyxos.common.fanvue.FanvueClientConfig;
import com.onyxos.common.run.RunLeaseConfig;
import com.onyxos.common.run.RunLeases;
import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.SimulatorAdmin;
import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TestUsers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A refresher that dies, or loses its database session, while its refresh token is at Fanvue: the other replica
 * (this application) serves within 10 s and no refresh token is ever presented twice; while a live replica refreshes,
 * the other answers 503 {@code fanvue_refresh_in_progress} with {@code Retry-After}. The token call is held at the
 * simulator (a delay fault) so the refresh is caught mid-flight.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
class RefresherFailoverTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    FanvueConnectionRepository connections;

    @Inject
    CreatorRepository creators;

    @Inject
    ConnectionSecrets secrets;

    @Inject
    FanvueClient fanvue;

    @Inject
    FanvueClientConfig fanvueConfig;

    @Inject
    BrokerConfig config;

    @Inject
    BrokerMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    RunLeaseConfig leaseConfig;

    @Inject
    Vertx vertx;

    @Inject
    Pool pool;

    @Inject
    @CacheName("replica-b-access-tokens")
    Cache replicaBCache;

    private TestTenants.Tenants tenants;
    private RunLeases leasesB;

    @BeforeEach
    void expiringConnection() {
        TestDatabase.truncateAll();
        tenants = TestTenants.seed();
        SimulatorAdmin.reset();
        replicaBCache.invalidateAll().await().indefinitely();
        ConnectionRows.connectAgencyAndExpireSoon();
    }

    @AfterEach
    void stopReplicaB() {
        if (leasesB != null) {
            leasesB.close().await().atMost(WAIT);
        }
    }

    private Response agencyToken() {
        return TestUsers.SERVICE
                .request()
                .contentType("application/json")
                .body(Map.of("agencyId", tenants.agencyA().toString()))
                .post("/internal/v1/fanvue-tokens");
    }

    /** Replica B in this JVM (the same pool, its own lock session and owner) asks for the agency's token. */
    private CompletableFuture<FanvueTokenBroker.BrokeredToken> tokenOnReplicaB() {
        leasesB = new RunLeases(vertx, pool, leaseConfig, new SimpleMeterRegistry(), "auth-replica-b");
        TokenRefresher refresherB = new TokenRefresher(connections, secrets, fanvue, config, metrics, clock, leasesB);
        FanvueTokenBroker replicaB = new FanvueTokenBroker(
                connections, creators, secrets, refresherB, config, metrics, replicaBCache, clock);
        return replicaB.token(tenants.agencyA(), null, null).subscribeAsCompletionStage();
    }

    private static void holdTokenCalls(long millis) {
        SimulatorAdmin.addFault(Map.of("path", "/oauth2/token", "kind", "delay", "delayMs", millis, "count", 1));
    }

    private static void awaitPresented() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!ConnectionRows.presented()) {
            assertThat(System.nanoTime())
                    .as("replica B presents its refresh token")
                    .isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /** Asks until the broker answers 200 (only 503 fanvue_refresh_in_progress with Retry-After meanwhile). */
    private String servedWithin(Duration bound) throws InterruptedException {
        long started = System.nanoTime();
        while (true) {
            Response response = agencyToken();
            if (response.statusCode() == 200) {
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(bound);
                return response.path("accessToken");
            }
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(503);
            assertThat(response.<String>path("code")).isEqualTo("fanvue_refresh_in_progress");
            assertThat(response.header("Retry-After")).isEqualTo("2");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(bound);
            Thread.sleep(200);
        }
    }

    private static void onePresentationOnly() {
        assertThat(SimulatorAdmin.stats().getLong("refreshGrants"))
                .as("rotations")
                .isEqualTo(1);
        assertThat(SimulatorAdmin.stats().getLong("revokedGrants"))
                .as("reuse of a refresh token revokes the grant")
                .isZero();
    }

    @Test
    void aRefresherWhoseDatabaseSessionIsCutMidRefreshStoresItsPairAndTheOtherReplicaServesIt() throws Exception {
        holdTokenCalls(3000);
        CompletableFuture<FanvueTokenBroker.BrokeredToken> onB = tokenOnReplicaB();
        awaitPresented();

        ConnectionRows.cutLockSession(leasesB.owner().await().atMost(WAIT));
        String served = servedWithin(Duration.ofSeconds(10));

        assertThat(served).isEqualTo(onB.get().accessToken());
        SimulatorAdmin.assertAccepts(served);
        onePresentationOnly();
    }

    @Test
    void aRefresherThatDiesMidRefreshIsTakenOverAndTheOtherReplicaServesWithinTenSeconds() throws Exception {
        holdTokenCalls(5000);
        // Replica B as a process of its own: its own Vert.x, database pool, lock session and Fanvue client.
        Vertx vertxB = Vertx.vertx();
        Pool poolB = PgBuilder.pool()
                .connectingTo(TestDatabase.get().connectOptions())
                .using(vertxB)
                .build();
        RunLeases processB = new RunLeases(vertxB, poolB, leaseConfig, new SimpleMeterRegistry(), "auth-b");
        FanvueConnectionRepository connectionsB = new FanvueConnectionRepository(poolB);
        FanvueClient fanvueB = new FanvueClient(vertxB, fanvueConfig.settings());
        TokenRefresher refresherB =
                new TokenRefresher(connectionsB, secrets, fanvueB, config, metrics, clock, processB);
        StoredConnection seen =
                connections.findAgencyConnection(tenants.agencyA()).await().atMost(WAIT);
        refresherB.refresh(seen, false).subscribe().with(done -> {}, failure -> {});
        awaitPresented();

        vertxB.closeAndAwait(); // B dies: its sockets to Fanvue and the database close, its lock is released
        String served = servedWithin(Duration.ofSeconds(10));

        SimulatorAdmin.assertAccepts(served);
        onePresentationOnly();
        assertThat(ConnectionRows.single("select version from agency_fanvue_connections"))
                .isEqualTo("1");
    }

    @Test
    void whileALiveReplicaRefreshesTheOtherAnswers503RefreshInProgressWithRetryAfter() throws Exception {
        holdTokenCalls(4000);
        CompletableFuture<FanvueTokenBroker.BrokeredToken> onB = tokenOnReplicaB();
        awaitPresented();

        agencyToken()
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("code", org.hamcrest.Matchers.equalTo("fanvue_refresh_in_progress"));
        String fromB = onB.get().accessToken();

        assertThat(agencyToken().then().statusCode(200).extract().<String>path("accessToken"))
                .isEqualTo(fromB);
        onePresentationOnly();
    }
}
