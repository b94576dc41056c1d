package com.onyxos.stats.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs of stats jobs per agency: at most one run of a job per agency cluster-wide, and each run recorded with its
 * counts and errors. The one place job runs are handled, so moving to common's run lease and {@code job_runs}
 * table (issue: leases) changes this class only. Until then: a PostgreSQL session advisory lock held by a
 * connection for the run, and the record in the log (and the job endpoint's answer).
 */
@ApplicationScoped
public class JobRuns {

    private static final Logger LOG = Logger.getLogger(JobRuns.class);

    private final Pool pool;

    public JobRuns(Pool pool) {
        this.pool = pool;
    }

    /** Starts a run of {@code job} for the agency; null when one is running somewhere already. */
    public Uni<JobRun> start(String job, UUID agencyId) {
        return pool.getConnection().chain(connection -> connection
                .preparedQuery("select pg_try_advisory_lock($1, $2)")
                .execute(Tuple.of(job.hashCode(), agencyId.hashCode()))
                .map(rows -> rows.iterator().next().getBoolean(0))
                .chain(locked -> {
                    if (locked) {
                        return Uni.createFrom().item(new JobRun(job, agencyId, connection));
                    }
                    return connection.close().replaceWith(Uni.createFrom().<JobRun>nullItem());
                })
                .onFailure()
                .call(connection::close));
    }

    /** Records how the run ended and lets the next one start. */
    public Uni<Void> finish(JobRun run, Map<String, Long> counts, List<String> errors) {
        LOG.infof(
                "Job %s for agency %s: %s, %d error(s)%s",
                run.job(),
                run.agencyId(),
                counts,
                errors.size(),
                errors.isEmpty() ? "" : ": " + String.join("; ", errors.subList(0, Math.min(5, errors.size()))));
        return run.connection()
                .preparedQuery("select pg_advisory_unlock($1, $2)")
                .execute(Tuple.of(run.job().hashCode(), run.agencyId().hashCode()))
                .onTermination()
                .call(() -> run.connection().close())
                .replaceWithVoid();
    }

    /**
     * A run in progress.
     *
     * @param job the job's name
     * @param agencyId the agency
     * @param connection the connection that holds the run's lock
     */
    public record JobRun(String job, UUID agencyId, SqlConnection connection) {}
}
