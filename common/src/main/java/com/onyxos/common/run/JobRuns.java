package com.onyxos.common.run;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Job runs in {@code job_runs}: one running run per (job, agency) cluster-wide ({@code agencyId} null for a job of
 * the whole cluster), on {@link RunLeases}. {@link #run} starts the job's run and does its work, or joins the live
 * run; a run whose process died is closed with what it recorded and a new one started in the same call.
 *
 * <pre>{@code
 * jobs.run("daily-refresh", agencyId, "schedule", lease -> refresher.refresh(agencyId, lease))
 *     .chain(JobRuns.Started::finished);   // or answer 202 with started.run().id()
 * }</pre>
 */
@ApplicationScoped
public class JobRuns {

    public static final RunTable TABLE = new RunTable("job_runs", "job_runs_one_running_uq");

    private static final Duration POLL = Duration.ofMillis(250);
    private static final String SCOPE = "job = $1 and coalesce(agency_id, '00000000-0000-0000-0000-000000000000'::uuid)"
            + " = coalesce($2::uuid, '00000000-0000-0000-0000-000000000000'::uuid)";

    private final Pool pool;
    private final RunLeases leases;

    public JobRuns(Pool pool, RunLeases leases) {
        this.pool = pool;
        this.leases = leases;
    }

    /**
     * Starts the run of {@code job} for {@code agencyId} and runs {@code work} in the background, or joins the live
     * run. The outcome {@code work} answers is recorded when it ends (a failure of {@code work} ends the run
     * {@code failed}); if another process closes the run meanwhile (this one was taken for dead), the work is
     * cancelled.
     *
     * @param job a lower-case name such as {@code daily-refresh}
     * @param trigger who asked: {@code manual}, {@code schedule}, {@code job}...
     */
    public Uni<Started> run(String job, UUID agencyId, String trigger, Function<JobLease, Uni<JobOutcome>> work) {
        return leases.claim(TABLE, owner -> insert(job, agencyId, trigger, owner), () -> runningId(job, agencyId))
                .chain(claim -> find(claim.runId())
                        .map(run -> claim.started()
                                ? execute(run, claim.lease(), work)
                                : new Started(run, false, finished(run.id()))));
    }

    public Uni<JobRun> find(UUID runId) {
        return pool.preparedQuery("select " + JobRun.COLUMNS + " from job_runs where id = $1")
                .execute(Tuple.of(runId))
                .map(JobRuns::first);
    }

    /** The most recent runs of the job for the agency (null: the cluster-wide job), newest first. */
    public Uni<List<JobRun>> recent(String job, UUID agencyId, int limit) {
        return pool.preparedQuery("select " + JobRun.COLUMNS + " from job_runs where " + SCOPE
                        + " order by started_at desc, id limit $3")
                .execute(Tuple.of(job, agencyId, limit))
                .map(rows -> {
                    List<JobRun> runs = new ArrayList<>();
                    rows.forEach(row -> runs.add(JobRun.from(row)));
                    return runs;
                });
    }

    /** Follows a run of any process until it ends; a run whose process died is closed and answered as it ended. */
    public Uni<JobRun> finished(UUID runId) {
        return pool.preparedQuery("select " + JobRun.COLUMNS + ", " + leases.alive("r") + " as owner_alive"
                        + " from job_runs r where id = $1")
                .execute(Tuple.of(runId))
                .chain(rows -> {
                    Row row = rows.iterator().hasNext() ? rows.iterator().next() : null;
                    if (row == null || !"running".equals(row.getString("status"))) {
                        return Uni.createFrom().item(row == null ? null : JobRun.from(row));
                    }
                    if (!row.getBoolean("owner_alive")) {
                        return leases.closeIfDead(TABLE, runId).chain(() -> find(runId));
                    }
                    return Uni.createFrom()
                            .voidItem()
                            .onItem()
                            .delayIt()
                            .by(POLL)
                            .chain(() -> finished(runId));
                });
    }

    /** Closes the runs whose process died; schedule it (every 15 s or so) so runs nobody asks for are closed too. */
    public Uni<Integer> closeDead() {
        return leases.closeDead(TABLE);
    }

    Uni<Void> record(Lease lease, Map<String, Long> counts) {
        return pool.preparedQuery("update job_runs set counts = $3 where id = $1 and owner = $2 and status = 'running'")
                .execute(Tuple.of(lease.runId(), lease.owner(), json(counts)))
                .chain(rows -> rows.rowCount() == 1
                        ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(new LeaseLostException(lease.runId())));
    }

    private Started execute(JobRun run, Lease lease, Function<JobLease, Uni<JobOutcome>> work) {
        CompletableFuture<JobRun> done = new CompletableFuture<>();
        Cancellable working = Uni.createFrom()
                .deferred(() -> work.apply(new JobLease(lease, this)))
                .onFailure()
                .recoverWithItem(failure -> JobOutcome.failed("Job failed: " + describe(failure)))
                .chain(outcome -> lease.finish(() -> finish(lease, outcome)))
                .subscribe()
                .with(done::complete, failure -> {
                    lease.release();
                    done.completeExceptionally(failure);
                });
        lease.onLost(() -> {
            working.cancel();
            find(run.id()).subscribe().with(done::complete, done::completeExceptionally);
        });
        return new Started(run, true, Uni.createFrom().completionStage(done));
    }

    /** Records the outcome while the run is still ours; answers the run as stored either way. */
    private Uni<JobRun> finish(Lease lease, JobOutcome outcome) {
        return pool.preparedQuery("update job_runs set status = $3, counts = $4, errors = $5, message = $6,"
                        + " heartbeat_at = now(), finished_at = now() where id = $1 and owner = $2"
                        + " and status = 'running' returning " + JobRun.COLUMNS)
                .execute(Tuple.tuple()
                        .addValue(lease.runId())
                        .addValue(lease.owner())
                        .addValue(outcome.status())
                        .addValue(json(outcome.counts()))
                        .addValue(outcome.errors().toArray(String[]::new))
                        .addValue(outcome.message()))
                .map(JobRuns::first)
                .chain(stored -> stored != null ? Uni.createFrom().item(stored) : find(lease.runId()));
    }

    private Uni<UUID> insert(String job, UUID agencyId, String trigger, String owner) {
        return pool.preparedQuery(
                        "insert into job_runs (job, agency_id, trigger, owner) values ($1, $2, $3, $4) returning id")
                .execute(Tuple.of(job, agencyId, trigger, owner))
                .map(rows -> rows.iterator().next().getUUID("id"));
    }

    private Uni<UUID> runningId(String job, UUID agencyId) {
        return pool.preparedQuery("select id from job_runs where " + SCOPE + " and status = 'running'")
                .execute(Tuple.of(job, agencyId))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getUUID("id") : null);
    }

    private static JsonObject json(Map<String, Long> counts) {
        return new JsonObject(new HashMap<>(counts));
    }

    private static JobRun first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? JobRun.from(iterator.next()) : null;
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    /**
     * A run the caller started or joined.
     *
     * @param run the run as it was when started or joined
     * @param started false when another request (or process) had started it
     * @param finished completes with the run as it ended
     */
    public record Started(JobRun run, boolean started, Uni<JobRun> finished) {}
}
