package com.onyxos.vault.repository;

import com.onyxos.common.run.Claim;
import com.onyxos.common.run.Lease;
import com.onyxos.common.run.RunLeases;
import com.onyxos.common.run.RunTable;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Sync runs, on common's run leases: "one running sync per creator, cluster-wide" is the partial unique index
 * {@code sync_runs_one_running_per_model_uq}; a second request joins the live run, and a run whose process died is
 * closed (with the counts it recorded) and replaced in the same request. Every write of a run is fenced on its owner.
 */
@ApplicationScoped
public class SyncRunRepository {

    public static final RunTable TABLE = new RunTable("sync_runs", "sync_runs_one_running_per_model_uq");

    private final Pool pool;
    private final RunLeases leases;

    public SyncRunRepository(Pool pool, RunLeases leases) {
        this.pool = pool;
        this.leases = leases;
    }

    /** Starts a run, or joins the creator's live one ({@code lease} null); a dead owner's run is replaced. */
    public Uni<Started> start(NewRun run) {
        return leases.claim(TABLE, owner -> insert(run, owner), () -> runningId(run.modelId()))
                .chain(claim -> byId(claim.runId()).map(row -> new Started(row, claim)));
    }

    /** Records progress (the heartbeat is the lease's, on a timer: slow folders are not a sign of death). */
    public Uni<Void> progress(UUID runId, int foldersTotal, int foldersDone, int assetsSeen) {
        return pool.preparedQuery("update sync_runs set folders_total = $2, folders_done = $3, assets_seen = $4"
                        + " where id = $1 and status = 'running'")
                .execute(Tuple.of(runId, foldersTotal, foldersDone, assetsSeen))
                .replaceWithVoid();
    }

    /**
     * Closes the run with its outcome in one statement with its last write, the removals: a run is never left with
     * its writes done and its success unrecorded. Answers the run as stored, or null when it is no longer ours (another
     * process closed it; the removals were not applied).
     */
    public Uni<RunRow> finish(Lease lease, Finish finish) {
        return pool.preparedQuery("with run (run_id, run_agency, run_model) as (select id, agency_id, model_id"
                        + " from sync_runs where id = $1 and owner = $2 and status = 'running'),"
                        + " removed as (update content_assets a set status = 'removed', removed_at = now(),"
                        + " updated_at = now(), last_sync_run_id = $1 from run where a.agency_id = run.run_agency"
                        + " and a.model_id = run.run_model and a.fanvue_media_uuid = any($10) and a.status = 'active'"
                        + " returning 1)"
                        + " update sync_runs s set status = $3, inserted_count = $4, updated_count = $5,"
                        + " unchanged_count = $6, removed_count = (select count(*) from removed), errors = $7,"
                        + " message = $8, assets_seen = $9, heartbeat_at = now(), finished_at = now()"
                        + " from run where s.id = run.run_id returning " + RunRow.COLUMNS)
                .execute(Tuple.tuple()
                        .addValue(lease.runId())
                        .addValue(lease.owner())
                        .addValue(finish.status())
                        .addValue(finish.inserted())
                        .addValue(finish.updated())
                        .addValue(finish.unchanged())
                        .addValue(finish.errors().toArray(String[]::new))
                        .addValue(finish.message())
                        .addValue(finish.assetsSeen())
                        .addValue(finish.removals().toArray(UUID[]::new)))
                .map(SyncRunRepository::first);
    }

    /** Closes, as failed, the running runs whose process died; returns how many. */
    public Uni<Integer> closeDead() {
        return leases.closeDead(TABLE);
    }

    public Uni<RunRow> find(UUID agencyId, UUID runId) {
        return pool.preparedQuery("select " + RunRow.COLUMNS + " from sync_runs where id = $1 and agency_id = $2")
                .execute(Tuple.of(runId, agencyId))
                .map(SyncRunRepository::first);
    }

    /** The run as a follower sees it: a running run whose owner died is closed first (and answered closed). */
    public Uni<RunRow> current(UUID agencyId, UUID runId) {
        return pool.preparedQuery("select " + RunRow.COLUMNS + ", " + leases.alive("r") + " as owner_alive"
                        + " from sync_runs r where id = $1 and agency_id = $2")
                .execute(Tuple.of(runId, agencyId))
                .chain(rows -> {
                    Row row = rows.iterator().hasNext() ? rows.iterator().next() : null;
                    if (row == null || !"running".equals(row.getString("status")) || row.getBoolean("owner_alive")) {
                        return Uni.createFrom().item(row == null ? null : RunRow.from(row));
                    }
                    return leases.closeIfDead(TABLE, runId).chain(() -> find(agencyId, runId));
                });
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

    private Uni<UUID> insert(NewRun run, String owner) {
        return pool.preparedQuery("insert into sync_runs (agency_id, model_id, trigger, requested_by, folders,"
                        + " media_types, owner) values ($1, $2, $3, $4, $5, $6, $7) returning id")
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
                        .addValue(owner))
                .map(rows -> rows.iterator().next().getUUID("id"));
    }

    private Uni<UUID> runningId(UUID modelId) {
        return pool.preparedQuery("select id from sync_runs where model_id = $1 and status = 'running'")
                .execute(Tuple.of(modelId))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getUUID("id") : null);
    }

    private Uni<RunRow> byId(UUID runId) {
        return pool.preparedQuery("select " + RunRow.COLUMNS + " from sync_runs where id = $1")
                .execute(Tuple.of(runId))
                .map(SyncRunRepository::first);
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
            List<String> mediaTypes) {}

    /**
     * @param run the run the caller now follows
     * @param claim how it was found: {@link Claim#lease()} is set when the caller started it
     */
    public record Started(RunRow run, Claim claim) {

        public boolean started() {
            return claim.started();
        }

        public Lease lease() {
            return claim.lease();
        }
    }

    /**
     * How a run ended.
     *
     * @param removals media uuids to mark removed with the outcome (a complete, unfiltered pass only)
     */
    public record Finish(
            String status,
            int inserted,
            int updated,
            int unchanged,
            int assetsSeen,
            List<String> errors,
            String message,
            Collection<UUID> removals) {}
}
