package com.onyxos.vault.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Sync runs. "One running sync per creator, cluster-wide" is the partial unique index
 * {@code sync_runs_one_running_per_model_uq}: starting a second one fails in the database, and the caller joins
 * the run that holds it.
 */
@ApplicationScoped
public class SyncRunRepository {

    private static final String ONE_RUNNING = "sync_runs_one_running_per_model_uq";

    private final Pool pool;

    public SyncRunRepository(Pool pool) {
        this.pool = pool;
    }

    /** Starts a run; when one is running for the creator already, returns that one with {@code started} false. */
    public Uni<Started> start(NewRun run) {
        return pool.preparedQuery("insert into sync_runs (agency_id, model_id, trigger, requested_by, folders,"
                        + " media_types, owner) values ($1, $2, $3, $4, $5, $6, $7) returning " + RunRow.COLUMNS)
                .execute(Tuple.tuple()
                        .addValue(run.agencyId())
                        .addValue(run.modelId())
                        .addValue(run.trigger())
                        .addValue(run.requestedBy())
                        .addValue(run.folders() == null ? null : run.folders().toArray(String[]::new))
                        .addValue(
                                run.mediaTypes() == null
                                        ? null
                                        : run.mediaTypes().toArray(String[]::new))
                        .addValue(run.owner()))
                .map(rows -> new Started(first(rows), true))
                .onFailure(SyncRunRepository::alreadyRunning)
                .recoverWithUni(() -> running(run.modelId()).map(existing -> new Started(existing, false)));
    }

    /** Records progress and proves the run's process is alive. */
    public Uni<Void> progress(UUID runId, int foldersTotal, int foldersDone, int assetsSeen) {
        return pool.preparedQuery("update sync_runs set folders_total = $2, folders_done = $3, assets_seen = $4,"
                        + " heartbeat_at = now() where id = $1 and status = 'running'")
                .execute(Tuple.of(runId, foldersTotal, foldersDone, assetsSeen))
                .replaceWithVoid();
    }

    /** Closes a run with its outcome. */
    public Uni<RunRow> finish(UUID runId, Finish finish) {
        return pool.preparedQuery("update sync_runs set status = $2, inserted_count = $3, updated_count = $4,"
                        + " unchanged_count = $5, removed_count = $6, errors = $7, message = $8, assets_seen = $9,"
                        + " heartbeat_at = now(), finished_at = now() where id = $1 and status = 'running' returning "
                        + RunRow.COLUMNS)
                .execute(Tuple.tuple()
                        .addValue(runId)
                        .addValue(finish.status())
                        .addValue(finish.inserted())
                        .addValue(finish.updated())
                        .addValue(finish.unchanged())
                        .addValue(finish.removed())
                        .addValue(finish.errors().toArray(String[]::new))
                        .addValue(finish.message())
                        .addValue(finish.assetsSeen()))
                .map(SyncRunRepository::first);
    }

    /** Closes, as failed, runs whose process stopped beating; returns how many. */
    public Uni<Integer> closeStale(Duration silentFor) {
        return pool.preparedQuery("update sync_runs set status = 'failed', finished_at = now(),"
                        + " errors = array_append(errors, 'Sync stopped without finishing (no sign of life for '"
                        + " || $1 || ' s); the next sync converges')"
                        + " where status = 'running' and heartbeat_at < now() - $1::bigint * interval '1 second'")
                .execute(Tuple.of(silentFor.toSeconds()))
                .map(RowSet::rowCount);
    }

    public Uni<RunRow> find(UUID agencyId, UUID runId) {
        return pool.preparedQuery("select " + RunRow.COLUMNS + " from sync_runs where id = $1 and agency_id = $2")
                .execute(Tuple.of(runId, agencyId))
                .map(SyncRunRepository::first);
    }

    /** The agency's most recent runs, newest first, optionally of one creator. */
    public Uni<List<RunRow>> recent(UUID agencyId, UUID modelId, int limit) {
        return pool.preparedQuery("select " + RunRow.COLUMNS + " from sync_runs where agency_id = $1"
                        + " and ($2::uuid is null or model_id = $2) order by started_at desc, id limit $3")
                .execute(Tuple.of(agencyId, modelId, limit))
                .map(rows -> {
                    List<RunRow> runs = new ArrayList<>();
                    rows.forEach(row -> runs.add(RunRow.from(row)));
                    return runs;
                });
    }

    private Uni<RunRow> running(UUID modelId) {
        return pool.preparedQuery(
                        "select " + RunRow.COLUMNS + " from sync_runs where model_id = $1 and status = 'running'")
                .execute(Tuple.of(modelId))
                .map(SyncRunRepository::first);
    }

    private static boolean alreadyRunning(Throwable failure) {
        return failure instanceof PgException pg && ONE_RUNNING.equals(pg.getConstraint());
    }

    private static RunRow first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? RunRow.from(iterator.next()) : null;
    }

    /** A run to start. */
    public record NewRun(
            UUID agencyId,
            UUID modelId,
            String trigger,
            String requestedBy,
            List<String> folders,
            List<String> mediaTypes,
            String owner) {}

    /**
     * @param run the run the caller now follows
     * @param started true when the caller started it, false when it joined one already running
     */
    public record Started(RunRow run, boolean started) {}

    /** How a run ended. */
    public record Finish(
            String status,
            int inserted,
            int updated,
            int unchanged,
            int removed,
            int assetsSeen,
            List<String> errors,
            String message) {}
}
