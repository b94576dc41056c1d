package com.onyxos.stats.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * A creator's earnings sync state ({@code stats_earnings_sync}): the high-water mark an incremental pass starts from
 * (minus the overlap), what the first complete pass covered, and how the last pass ended. The mark moves only after
 * a complete pass, so a pass that dies half way is simply read again.
 */
@ApplicationScoped
public class EarningsSyncState {

    private final Pool pool;

    public EarningsSyncState(Pool pool) {
        this.pool = pool;
    }

    /** Marks a pass of the creator as started; answers the state it starts from. */
    public Uni<SyncPosition> start(UUID agencyId, UUID modelId, Instant now) {
        return pool.preparedQuery("insert into stats_earnings_sync (model_id, agency_id, status, last_started_at)"
                        + " values ($1, $2, 'running', $3) on conflict (model_id) do update"
                        + " set status = 'running', last_started_at = excluded.last_started_at"
                        + " returning high_water_mark, covered_from, backfilled")
                .execute(Tuple.of(modelId, agencyId, SqlTimes.utc(now)))
                .map(rows -> position(rows.iterator().next()));
    }

    /**
     * Records a complete pass: the mark moves to {@code newest} (never back), the coverage takes the window's start
     * on the first pass ({@code windowStart} null: everything), and the counts.
     */
    public Uni<Void> succeeded(UUID modelId, Instant newest, Instant windowStart, int seen, int written, Instant now) {
        return pool.preparedQuery("update stats_earnings_sync set status = 'succeeded', last_finished_at = $5,"
                        + " high_water_mark = greatest(high_water_mark, $2),"
                        + " covered_from = case when not backfilled then $3::timestamptz"
                        + " when covered_from is null or $3::timestamptz is null then null"
                        + " else least(covered_from, $3::timestamptz) end,"
                        + " backfilled = true, last_rows_seen = $4, last_rows_written = $6, last_error = null"
                        + " where model_id = $1")
                .execute(Tuple.tuple()
                        .addValue(modelId)
                        .addValue(SqlTimes.utc(newest))
                        .addValue(SqlTimes.utc(windowStart))
                        .addValue(seen)
                        .addValue(SqlTimes.utc(now))
                        .addValue(written))
                .replaceWithVoid();
    }

    /** Records a pass that broke off; the mark stays, so the next pass reads the same window again. */
    public Uni<Void> failed(UUID modelId, String error, int seen, int written, Instant now) {
        return pool.preparedQuery("update stats_earnings_sync set status = 'failed', last_finished_at = $2,"
                        + " last_error = $3, last_rows_seen = $4, last_rows_written = $5 where model_id = $1")
                .execute(Tuple.tuple()
                        .addValue(modelId)
                        .addValue(SqlTimes.utc(now))
                        .addValue(error)
                        .addValue(seen)
                        .addValue(written))
                .replaceWithVoid();
    }

    /** The creator's coverage, or null before any pass completed. */
    public Uni<SyncPosition> position(UUID modelId) {
        return pool.preparedQuery("select high_water_mark, covered_from, backfilled from stats_earnings_sync"
                        + " where model_id = $1")
                .execute(Tuple.of(modelId))
                .map(rows ->
                        rows.iterator().hasNext() ? position(rows.iterator().next()) : null);
    }

    private static SyncPosition position(Row row) {
        return new SyncPosition(
                SqlTimes.instant(row.getValue("high_water_mark")),
                SqlTimes.instant(row.getValue("covered_from")),
                row.getBoolean("backfilled"));
    }

    /**
     * Where a creator's sync stands.
     *
     * @param highWaterMark the newest transaction date a complete pass read, null when none
     * @param coveredFrom the start of what complete passes covered, null with {@code backfilled}: from the first row
     * @param backfilled whether a pass has completed
     */
    public record SyncPosition(Instant highWaterMark, Instant coveredFrom, boolean backfilled) {

        /** Whether the synced rows are the creator's whole history (the first pass asked for everything). */
        public boolean completeHistory() {
            return backfilled && coveredFrom == null;
        }
    }
}
