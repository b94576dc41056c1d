package com.onyxos.vault.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.onyxos.common.run.Lease;
import com.onyxos.common.run.LeaseLostException;
import com.onyxos.common.run.RunLeaseConfig;
import com.onyxos.common.run.RunLeases;
import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.ServiceMetrics;
import com.onyxos.common.testing.SimulatorAdmin;
import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.vault.job.StaleRunCloser;
import com.onyxos.vault.repository.SyncRunRepository;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Vault sync runs on run leases: a slow live run is never closed, a run whose process died is replaced by the next
 * request in one call, racing takeovers start one run, and a dead run's event stream ends. "Replica B" is a second
 * process in all but JVM: its own pool, owner and lock session on the same database; it dies by stopping its
 * heartbeat and dropping its lock session (what SIGKILL does; common's JobRunsTest kills a real second JVM).
 */
@QuarkusTest
@TestProfile(ShortLeases.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class VaultRunLeaseTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TAKEOVERS = "onyx_runs_takeovers_total{table=\"sync_runs\"}";
    private static final String LOST = "onyx_runs_lost_total{table=\"sync_runs\"}";

    @Inject
    StaleRunCloser staleRuns;

    @Inject
    Vertx vertx;

    @Inject
    RunLeaseConfig leaseConfig;

    private VaultWorld world;
    private UUID creator;
    private Pool poolB;
    private RunLeases leasesB;
    private SyncRunRepository runsB;

    @BeforeEach
    void world() {
        world = VaultWorld.create();
        creator = world.creatorIds.get(0);
        poolB = PgBuilder.pool()
                .connectingTo(TestDatabase.get().connectOptions())
                .using(vertx)
                .build();
        leasesB = new RunLeases(vertx, poolB, leaseConfig, new SimpleMeterRegistry(), "vault-replica-b");
        runsB = new SyncRunRepository(poolB, leasesB);
    }

    @AfterEach
    void stopReplicaB() {
        leasesB.close().await().atMost(WAIT);
        poolB.closeAndAwait();
    }

    private Response sync(Map<String, ?> body) {
        return TestUsers.AGENCY_MEMBER
                .request()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/vault/sync-fanvue");
    }

    private SyncRunRepository.Started startOnReplicaB() {
        return runsB.start(new SyncRunRepository.NewRun(
                        world.tenants.agencyA(), creator, "manual", "replica-b", null, null))
                .await()
                .atMost(WAIT);
    }

    private static String status(String runId) {
        return VaultWorld.text(
                "select status || '/' || (closed_by is not null) from sync_runs where id = '" + runId + "'");
    }

    @Test
    void aLiveSyncWithAFolderSlowerThanTheDeadBoundIsNeverClosed() throws Exception {
        double sweptBefore = ServiceMetrics.value("onyx_runs_closed_dead_total{by=\"sweep\",table=\"sync_runs\"}");
        long slowMs = 3 * ShortLeases.DEAD_AFTER_MS;
        SimulatorAdmin.addFault(
                Map.of("path", "/creators/*/vault/folders/*/media", "kind", "delay", "delayMs", slowMs, "count", 1));

        String runId = sync(Map.of("modelId", creator.toString(), "async", true))
                .then()
                .statusCode(202)
                .extract()
                .path("runIds[0]");
        long until = System.nanoTime() + Duration.ofMillis(slowMs).toNanos();
        while (System.nanoTime() < until) {
            assertThat(staleRuns.closeStale().await().atMost(WAIT)).isZero();
            assertThat(startOnReplicaB().started())
                    .as("another process joins, never takes over")
                    .isFalse();
            assertThat(sync(Map.of("modelId", creator.toString(), "async", true))
                            .path("runIds[0]")
                            .toString())
                    .isEqualTo(runId);
            Thread.sleep(200);
        }

        Response done = sync(Map.of("modelId", creator.toString()));
        done.then().statusCode(200).body("success", equalTo(true));
        assertThat(VaultWorld.count("select count(*) from sync_runs where closed_by is not null"))
                .isZero();
        assertThat(VaultWorld.count("select count(*) from sync_runs where id = '" + runId
                        + "' and status = 'succeeded' and inserted_count > 0"))
                .isEqualTo(1);
        assertThat(ServiceMetrics.value("onyx_runs_closed_dead_total{by=\"sweep\",table=\"sync_runs\"}"))
                .isEqualTo(sweptBefore);
    }

    @Test
    void aSyncWhoseProcessDiedIsReplacedByTheNextRequestInOneCall() {
        double takeoversBefore = ServiceMetrics.value(TAKEOVERS);
        SyncRunRepository.Started dead = startOnReplicaB();
        String deadRun = dead.run().id().toString();
        VaultWorld.execute("update sync_runs set inserted_count = 5, folders_total = 6, folders_done = 2");
        assertThat(sync(Map.of("modelId", creator.toString(), "async", true))
                        .path("runIds[0]")
                        .toString())
                .as("joined while replica B lives")
                .isEqualTo(deadRun);

        leasesB.close().await().atMost(WAIT); // B dies: no more heartbeats, its lock session is gone
        Response next = sync(Map.of("modelId", creator.toString()));

        next.then().statusCode(200).body("success", equalTo(true));
        assertThat(next.<String>path("runId")).isNotEqualTo(deadRun);
        assertThat(next.<Integer>path("inserted")).isPositive();
        TestUsers.AGENCY_MEMBER
                .request()
                .get("/api/vault/sync-runs/" + deadRun)
                .then()
                .body("status", equalTo("failed"))
                .body("abandoned", equalTo(true))
                .body("inserted", equalTo(5))
                .body("foldersDone", equalTo(2))
                .body("message", equalTo(RunLeases.ABANDONED))
                .body("errors[0]", containsString("Run abandoned: its process stopped"));
        assertThat(ServiceMetrics.value(TAKEOVERS)).isEqualTo(takeoversBefore + 1);
    }

    @Test
    void twoProcessesRacingToTakeOverTheSameDeadRunStartOneRun() {
        // The run started lasts a while, so that every racer meets it running.
        SimulatorAdmin.addFault(Map.of("path", "/creators/*/vault/folders", "kind", "delay", "delayMs", 3000));
        VaultWorld.execute("insert into sync_runs (agency_id, model_id, trigger, owner) values ('"
                + world.tenants.agencyA() + "', '" + creator + "', 'manual', 'vault@gone:1/2026-01-01T00:00:00Z/0')");
        List<CompletableFuture<String>> calls = new ArrayList<>();
        List<SyncRunRepository.Started> onB = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> sync(Map.of("modelId", creator.toString(), "async", true))
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("runIds[0]")));
            calls.add(CompletableFuture.supplyAsync(() -> {
                SyncRunRepository.Started started = startOnReplicaB();
                synchronized (onB) {
                    onB.add(started);
                }
                return started.run().id().toString();
            }));
        }

        Set<String> runIds = new HashSet<>();
        calls.forEach(call -> runIds.add(call.join()));

        assertThat(runIds).as("every caller ends in the same new run").hasSize(1);
        assertThat(VaultWorld.count("select count(*) from sync_runs where closed_by is not null"))
                .isEqualTo(1);
        assertThat(VaultWorld.count("select count(*) from sync_runs where status = 'running' or closed_by is null"))
                .isEqualTo(1);
        assertThat(onB).filteredOn(SyncRunRepository.Started::started).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void theEventStreamOfARunWhoseProcessDiedEndsWithAFinalAbandonedEvent() {
        String deadRun = startOnReplicaB().run().id().toString();
        CompletableFuture<String> stream = CompletableFuture.supplyAsync(() -> TestUsers.AGENCY_MEMBER
                .request()
                .accept("text/event-stream")
                .get("/api/vault/sync-runs/" + deadRun + "/events")
                .then()
                .statusCode(200)
                .extract()
                .asString());

        leasesB.close().await().atMost(WAIT);
        List<String> events =
                stream.join().lines().filter(line -> line.startsWith("data:")).toList();

        assertThat(events.get(0)).contains("\"type\":\"progress\"");
        assertThat(events.get(events.size() - 1))
                .contains("\"type\":\"finished\"")
                .contains("\"status\":\"failed\"")
                .contains("\"abandoned\":true")
                .contains(RunLeases.ABANDONED);
    }

    @Test
    void aSyncWhoseRunAnotherProcessClosedStopsAndTheRequestConvergesOnTheNextRun() {
        double lostBefore = ServiceMetrics.value(LOST);
        SimulatorAdmin.addFault(
                Map.of("path", "/creators/*/vault/folders/*/media", "kind", "delay", "delayMs", 2000, "count", 1));
        CompletableFuture<Response> request =
                CompletableFuture.supplyAsync(() -> sync(Map.of("modelId", creator.toString())));
        long deadline = System.nanoTime() + WAIT.toNanos();
        String first;
        do {
            first = VaultWorld.text("select id from sync_runs where status = 'running'");
        } while (first == null && System.nanoTime() < deadline);

        // What a takeover does to a process taken for dead (frozen, cut off): another one closes its run.
        VaultWorld.execute("update sync_runs set status = 'failed', finished_at = now(), closed_by = 'other'"
                + " where id = '" + first + "'");
        Response response = request.join();

        response.then().statusCode(200).body("success", equalTo(true));
        assertThat(response.<String>path("runId")).isNotEqualTo(first);
        assertThat(status(first)).isEqualTo("failed/true");
        assertThat(VaultWorld.count("select inserted_count from sync_runs where id = '" + first + "'"))
                .as("the lost run wrote nothing after it was closed")
                .isZero();
        assertThat(ServiceMetrics.value(LOST)).isEqualTo(lostBefore + 1);
    }

    @Test
    void aFencedWriteOfARunNoLongerOursFails() {
        SyncRunRepository.Started started = startOnReplicaB();
        Lease lease = started.lease();
        VaultWorld.execute("update sync_runs set status = 'failed', finished_at = now(), closed_by = 'other'");

        Uni<?> finish = runsB.finish(
                lease,
                new SyncRunRepository.Finish("succeeded", 1, 0, 0, 1, List.of(), "late", List.of(UUID.randomUUID())));

        assertThat(finish.await().atMost(WAIT))
                .as("a closed run is never overwritten")
                .isNull();
        assertThat(status(started.run().id().toString())).isEqualTo("failed/true");
        assertThat(new LeaseLostException(lease.runId()).getMessage())
                .contains(lease.runId().toString());
    }
}
