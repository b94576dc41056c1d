package com.onyxos.common.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.common.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generic job runs on a real PostgreSQL, with two lease instances standing for two processes (each its own pool,
 * owner and lock session), and a second JVM that is SIGKILLed mid-run.
 */
class JobRunsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private Vertx vertx;
    private Pool poolA;
    private Pool poolB;
    private SimpleMeterRegistry metricsA;
    private SimpleMeterRegistry metricsB;
    private RunLeases leasesA;
    private RunLeases leasesB;
    private JobRuns jobsA;
    private JobRuns jobsB;

    @BeforeAll
    static void migrate() {
        LeaseDatabase.migrate();
    }

    @BeforeEach
    void twoProcesses() {
        TestDatabase.truncateAll();
        vertx = Vertx.vertx();
        poolA = LeaseDatabase.pool(vertx);
        poolB = LeaseDatabase.pool(vertx);
        metricsA = new SimpleMeterRegistry();
        metricsB = new SimpleMeterRegistry();
        leasesA = LeaseDatabase.leases(vertx, poolA, LeaseDatabase.Settings.FAST, metricsA);
        leasesB = LeaseDatabase.leases(vertx, poolB, LeaseDatabase.Settings.FAST, metricsB);
        jobsA = new JobRuns(poolA, leasesA);
        jobsB = new JobRuns(poolB, leasesB);
    }

    @AfterEach
    void stop() {
        leasesA.close().await().atMost(WAIT);
        leasesB.close().await().atMost(WAIT);
        poolA.closeAndAwait();
        poolB.closeAndAwait();
        vertx.closeAndAwait();
    }

    /** Work that ends when the test says so. */
    private static final class Gate {
        final CompletableFuture<JobOutcome> outcome = new CompletableFuture<>();
        final AtomicBoolean cancelled = new AtomicBoolean();

        Uni<JobOutcome> work(JobLease lease) {
            return Uni.createFrom().completionStage(outcome).onCancellation().invoke(() -> cancelled.set(true));
        }
    }

    private static String deadRun(String owner) {
        return LeaseDatabase.text("insert into job_runs (job, trigger, owner, counts) values ('daily-refresh',"
                + " 'schedule', '" + owner + "', '{\"creators\": 3}') returning id");
    }

    private static double counter(SimpleMeterRegistry registry, String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aSecondStartJoinsTheLiveRunAndBothSeeItsOutcome() {
        Gate gate = new Gate();
        JobRuns.Started first =
                jobsA.run("daily-refresh", null, "schedule", gate::work).await().atMost(WAIT);
        JobRuns.Started second = jobsB.run("daily-refresh", null, "manual", lease -> Uni.createFrom()
                        .failure(new AssertionError("a joined run does no work")))
                .await()
                .atMost(WAIT);

        assertThat(first.started()).isTrue();
        assertThat(second.started()).isFalse();
        assertThat(second.run().id()).isEqualTo(first.run().id());
        gate.outcome.complete(JobOutcome.succeeded(Map.of("creators", 12L), "Refreshed 12 creators"));

        JobRun ended = second.finished().await().atMost(WAIT);
        assertThat(ended.status()).isEqualTo("succeeded");
        assertThat(ended.counts()).containsEntry("creators", 12L);
        assertThat(ended.abandoned()).isFalse();
        assertThat(first.finished().await().atMost(WAIT)).isEqualTo(ended);
        assertThat(jobsA.recent("daily-refresh", null, 10).await().atMost(WAIT))
                .extracting(JobRun::id)
                .containsExactly(ended.id());
    }

    @Test
    void runsOfOtherAgenciesOrJobsDoNotCollide() {
        UUID agency = UUID.fromString(
                LeaseDatabase.text("insert into agencies (name, created_by) values ('Agency', 'test') returning id"));
        Gate gate = new Gate();

        UUID clusterWide = jobsA.run("creator-import", null, "job", gate::work)
                .await()
                .atMost(WAIT)
                .run()
                .id();
        JobRuns.Started ofAgency =
                jobsA.run("creator-import", agency, "job", gate::work).await().atMost(WAIT);
        JobRuns.Started otherJob = jobsA.run("revenue-heartbeat", agency, "job", gate::work)
                .await()
                .atMost(WAIT);

        assertThat(Set.of(clusterWide, ofAgency.run().id(), otherJob.run().id()))
                .hasSize(3);
        assertThat(ofAgency.started()).isTrue();
        assertThat(ofAgency.run().agencyId()).isEqualTo(agency);
        gate.outcome.complete(JobOutcome.succeeded(Map.of(), "done"));
    }

    @Test
    void aFailingJobEndsFailedWithItsReason() {
        JobRun ended = jobsA.run("daily-refresh", null, "manual", lease -> Uni.createFrom()
                        .failure(new IllegalStateException("Fanvue said no")))
                .chain(JobRuns.Started::finished)
                .await()
                .atMost(WAIT);

        assertThat(ended.status()).isEqualTo("failed");
        assertThat(ended.errors()).containsExactly("Job failed: Fanvue said no");
        assertThat(LeaseDatabase.count("select count(*) from job_runs where status = 'running'"))
                .isZero();
    }

    @Test
    void aRunWhoseJvmWasKilledIsTakenOverByTheNextStartInOneCall() throws Exception {
        TestDatabase.Coordinates db = TestDatabase.get();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process holder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classpath,
                        LeaseHolderProcess.class.getName(),
                        db.host(),
                        Integer.toString(db.port()),
                        db.database(),
                        db.user(),
                        db.password(),
                        "daily-refresh")
                .redirectError(new File("target/lease-holder-process.log"))
                .start();
        String[] ready;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("RUN "));
            assertThat(line).as("the holder JVM started its run").isNotNull();
            ready = line.split(" ");
        } catch (RuntimeException | java.io.IOException e) {
            holder.destroyForcibly();
            throw e;
        }
        UUID deadRun = UUID.fromString(ready[1]);
        String deadOwner = ready[2];
        Gate gate = new Gate();
        assertThat(jobsA.run("daily-refresh", null, "manual", gate::work)
                        .await()
                        .atMost(WAIT)
                        .started())
                .as("joined while the holder lives")
                .isFalse();

        holder.destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye to the database
        assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
        long killedAt = System.nanoTime();
        while (LeaseDatabase.lockHeld(deadOwner)) {
            assertThat(Duration.ofNanos(System.nanoTime() - killedAt))
                    .as("PostgreSQL released the dead JVM's lock")
                    .isLessThan(Duration.ofSeconds(5));
            Thread.sleep(10);
        }
        JobRuns.Started next =
                jobsA.run("daily-refresh", null, "manual", gate::work).await().atMost(WAIT);

        assertThat(next.started())
                .as("the first call after the kill starts a new run")
                .isTrue();
        assertThat(next.run().id()).isNotEqualTo(deadRun);
        JobRun closed = jobsA.find(deadRun).await().atMost(WAIT);
        assertThat(closed.status()).isEqualTo("failed");
        assertThat(closed.abandoned()).isTrue();
        assertThat(closed.counts()).as("what the dead run recorded").containsEntry("rows", 7L);
        assertThat(closed.message()).isEqualTo(RunLeases.ABANDONED);
        assertThat(closed.errors()).singleElement().asString().startsWith("Run abandoned: its process stopped");
        assertThat(counter(metricsA, "onyx.runs.takeovers", "table", "job_runs"))
                .isEqualTo(1);
        gate.outcome.complete(JobOutcome.succeeded(Map.of("rows", 7L), "done"));
        assertThat(next.finished().await().atMost(WAIT).status()).isEqualTo("succeeded");
    }

    @Test
    void twoProcessesRacingToTakeOverTheSameDeadRunStartOneRun() {
        String dead = deadRun("lease-test@gone:1/2026-01-01T00:00:00Z/dead0001");
        Gate gate = new Gate();
        List<Uni<JobRuns.Started>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(jobsA.run("daily-refresh", null, "manual", gate::work));
            calls.add(jobsB.run("daily-refresh", null, "manual", gate::work));
        }

        List<JobRuns.Started> started =
                Uni.join().all(calls).andFailFast().await().atMost(WAIT);

        assertThat(started.stream().map(s -> s.run().id()).collect(Collectors.toSet()))
                .as("every call ends in the same new run")
                .hasSize(1)
                .doesNotContain(UUID.fromString(dead));
        assertThat(started).filteredOn(JobRuns.Started::started).hasSize(1);
        assertThat(LeaseDatabase.count("select count(*) from job_runs where status = 'running'"))
                .isEqualTo(1);
        assertThat(LeaseDatabase.count("select count(*) from job_runs where closed_by is not null"))
                .isEqualTo(1);
        assertThat(counter(metricsA, "onyx.runs.takeovers", "table", "job_runs")
                        + counter(metricsB, "onyx.runs.takeovers", "table", "job_runs"))
                .isEqualTo(1);
        gate.outcome.complete(JobOutcome.succeeded(Map.of(), "done"));
    }

    @Test
    void aFrozenOwnerThatStillHoldsItsLockIsDeadOnceItsHeartbeatIsOlderThanTheBound() throws SQLException {
        String frozen = "lease-test@frozen:1/2026-01-01T00:00:00Z/f0f0f0f0";
        try (Connection session = TestDatabase.get().connect();
                Statement lock = session.createStatement()) {
            lock.execute("select pg_advisory_lock(" + RunLeases.LOCK_NAMESPACE + ", hashtext('" + frozen + "'))");
            String run = deadRun(frozen);
            Gate gate = new Gate();

            assertThat(jobsA.run("daily-refresh", null, "manual", gate::work)
                            .await()
                            .atMost(WAIT)
                            .started())
                    .as("lock held and heartbeat fresh: alive")
                    .isFalse();
            LeaseDatabase.execute("update job_runs set heartbeat_at = now() - interval '3 seconds'");
            JobRuns.Started next = jobsA.run("daily-refresh", null, "manual", gate::work)
                    .await()
                    .atMost(WAIT);

            assertThat(next.started()).as("heartbeat older than 2 s: dead").isTrue();
            assertThat(jobsA.find(UUID.fromString(run)).await().atMost(WAIT).abandoned())
                    .isTrue();
            gate.outcome.complete(JobOutcome.succeeded(Map.of(), "done"));
        }
    }

    @Test
    void aLiveRunWhoseWorkOutlastsTheDeadBoundIsNeverClosed() throws Exception {
        JobRuns.Started slow = jobsA.run("daily-refresh", null, "schedule", lease -> Uni.createFrom()
                        .item(JobOutcome.succeeded(Map.of("creators", 1L), "slow but fine"))
                        .onItem()
                        .delayIt()
                        .by(Duration.ofSeconds(5)))
                .await()
                .atMost(WAIT);

        long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        while (System.nanoTime() < until) {
            assertThat(jobsB.closeDead().await().atMost(WAIT)).isZero();
            assertThat(jobsB.run("daily-refresh", null, "manual", lease -> Uni.createFrom()
                                    .failure(new AssertionError("joined runs do no work")))
                            .await()
                            .atMost(WAIT)
                            .started())
                    .isFalse();
            Thread.sleep(250);
        }

        JobRun ended = slow.finished().await().atMost(WAIT);
        assertThat(ended.status()).isEqualTo("succeeded");
        assertThat(ended.abandoned()).isFalse();
        assertThat(counter(metricsB, "onyx.runs.closed.dead", "table", "job_runs", "by", "sweep"))
                .isZero();
    }

    @Test
    void aProcessWhoseRunWasClosedByAnotherLosesItsLeaseAndItsWorkIsCancelled() {
        Gate gate = new Gate();
        JobRuns.Started held =
                jobsA.run("daily-refresh", null, "schedule", gate::work).await().atMost(WAIT);

        // What a takeover does to a process taken for dead (frozen, cut off): its run is closed by someone else.
        LeaseDatabase.execute("update job_runs set status = 'failed', finished_at = now(), closed_by = 'other'");
        JobRun ended = held.finished().await().atMost(WAIT);

        assertThat(ended.abandoned()).isTrue();
        assertThat(gate.cancelled).isTrue();
        assertThat(counter(metricsA, "onyx.runs.lost", "table", "job_runs")).isEqualTo(1);
        gate.outcome.complete(JobOutcome.succeeded(Map.of("late", 1L), "too late"));
        assertThat(jobsA.find(ended.id()).await().atMost(WAIT).counts())
                .as("a lost run's late outcome is never written")
                .doesNotContainKey("late");
    }

    @Test
    void aCutLockSessionIsReopenedUnderTheSameOwnerAndItsRunsStayAlive() throws Exception {
        Gate gate = new Gate();
        JobRuns.Started held =
                jobsA.run("daily-refresh", null, "schedule", gate::work).await().atMost(WAIT);
        String owner = leasesA.owner().await().atMost(WAIT);

        assertThat(LeaseDatabase.terminateSession(owner)).isEqualTo(1);
        long cutAt = System.nanoTime();
        while (!LeaseDatabase.lockHeld(owner)) {
            assertThat(Duration.ofNanos(System.nanoTime() - cutAt)).isLessThan(Duration.ofSeconds(5));
            Thread.sleep(10);
        }
        Thread.sleep(600); // a few heartbeats on the new session

        assertThat(leasesA.owner().await().atMost(WAIT)).isEqualTo(owner);
        assertThat(jobsB.closeDead().await().atMost(WAIT)).isZero();
        gate.outcome.complete(JobOutcome.succeeded(Map.of("creators", 2L), "done"));
        JobRun ended = held.finished().await().atMost(WAIT);
        assertThat(ended.status()).isEqualTo("succeeded");
        assertThat(ended.abandoned()).isFalse();
    }

    @Test
    void theSweepClosesDeadRunsNobodyAsksForAndKeepsTheirCounts() {
        String dead = deadRun("lease-test@gone:1/2026-01-01T00:00:00Z/dead0002");

        assertThat(jobsA.closeDead().await().atMost(WAIT)).isEqualTo(1);

        JobRun closed = jobsA.find(UUID.fromString(dead)).await().atMost(WAIT);
        assertThat(closed.status()).isEqualTo("failed");
        assertThat(closed.counts()).containsEntry("creators", 3L);
        assertThat(jobsA.finished(closed.id()).await().atMost(WAIT)).isEqualTo(closed);
        assertThat(counter(metricsA, "onyx.runs.closed.dead", "table", "job_runs", "by", "sweep"))
                .isEqualTo(1);
    }

    @Test
    void aFollowerOfARunWhoseOwnerDiedGetsTheClosedRun() {
        String dead = deadRun("lease-test@gone:1/2026-01-01T00:00:00Z/dead0003");

        JobRun ended = jobsB.finished(UUID.fromString(dead)).await().atMost(WAIT);

        assertThat(ended.status()).isEqualTo("failed");
        assertThat(ended.abandoned()).isTrue();
    }
}
