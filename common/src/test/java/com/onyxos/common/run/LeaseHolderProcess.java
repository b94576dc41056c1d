package com.onyxos.common.run;

import com.onyxos.common.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.util.Map;

/**
 * A second JVM for {@code JobRunsTest}: starts a job run on its own lease session, records counts, prints
 * {@code RUN <id> <owner>} and then works forever, until the test kills it (SIGKILL).
 *
 * <p>Arguments: host, port, database, user, password, job.
 */
public final class LeaseHolderProcess {

    private LeaseHolderProcess() {}

    public static void main(String[] args) throws InterruptedException {
        Vertx vertx = Vertx.vertx();
        Pool pool = PgBuilder.pool()
                .connectingTo(
                        new TestDatabase.Coordinates(args[0], Integer.parseInt(args[1]), args[2], args[3], args[4])
                                .connectOptions())
                .using(vertx)
                .build();
        RunLeases leases = new RunLeases(
                vertx,
                pool,
                new LeaseDatabase.Settings(Duration.ofMillis(200), Duration.ofSeconds(30)),
                new SimpleMeterRegistry(),
                "lease-holder-process");
        JobRuns jobs = new JobRuns(pool, leases);
        JobRuns.Started started = jobs.run(args[5], null, "test", lease -> lease.record(Map.of("rows", 7L))
                        .chain(() -> Uni.createFrom().<JobOutcome>nothing()))
                .await()
                .atMost(Duration.ofSeconds(30));
        String owner = leases.owner().await().atMost(Duration.ofSeconds(30));
        // The counts are recorded before the line is printed: wait for them.
        while (!started.run()
                .id()
                .equals(jobs.find(started.run().id())
                        .map(run -> run.counts().isEmpty() ? null : run.id())
                        .await()
                        .atMost(Duration.ofSeconds(30)))) {
            Thread.sleep(20);
        }
        System.out.println("RUN " + started.run().id() + " " + owner);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
