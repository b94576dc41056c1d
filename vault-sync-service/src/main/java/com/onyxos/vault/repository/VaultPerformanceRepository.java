package com.onyxos.vault.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlResult;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * {@code vault_performance}, derived from {@code asset_events} by one set-based statement per scope. Writers of an
 * agency's performance coordinate through transaction-scoped advisory locks (see {@link #lockAgency}).
 */
@ApplicationScoped
public class VaultPerformanceRepository {

    /** Namespace of our advisory locks ("ROI"); the two-key form never collides with single-bigint locks. */
    public static final int LOCK_NAMESPACE = 0x524F49;

    /**
     * Recomputes performance of the assets matched by {@code %s} (a condition on {@code a}, the assets). Assets with
     * neither events nor a performance row are left without one (they read as 0). Conversion is unlocks per send
     * capped at 1: an unlock implies a send, so unlocks without recorded sends (say, a send reported by another
     * channel) count as sent. Only rows whose numbers change are written.
     */
    private static final Performance NONE = new Performance(0, 0, 0, BigDecimal.ZERO);

    private static final String RECOMPUTE = """
            with totals as (
                select a.id, a.agency_id,
                       count(e.id) filter (where e.event_type = 'sent') as sent,
                       count(e.id) filter (where e.event_type = 'unlocked') as unlocked,
                       coalesce(sum(e.revenue) filter (where e.event_type = 'unlocked'), 0)::bigint as revenue
                from content_assets a
                left join asset_events e on e.asset_id = a.id and e.agency_id = a.agency_id
                where %s
                group by a.id, a.agency_id
            )
            insert into vault_performance as p
                (asset_id, agency_id, times_sent, times_unlocked, total_revenue, conversion_rate, calculated_at)
            select t.id, t.agency_id, t.sent, t.unlocked, t.revenue,
                   case when t.unlocked = 0 then 0 else round(t.unlocked::numeric / greatest(t.sent, t.unlocked), 6) end,
                   now()
            from totals t
            where t.sent + t.unlocked > 0 or exists (select 1 from vault_performance v where v.asset_id = t.id)
            on conflict (asset_id) do update
            set times_sent = excluded.times_sent, times_unlocked = excluded.times_unlocked,
                total_revenue = excluded.total_revenue, conversion_rate = excluded.conversion_rate,
                calculated_at = excluded.calculated_at
            where (p.times_sent, p.times_unlocked, p.total_revenue, p.conversion_rate)
                  is distinct from (excluded.times_sent, excluded.times_unlocked, excluded.total_revenue,
                                    excluded.conversion_rate)
            """;

    /**
     * Takes the agency's performance lock until {@code tx} ends: exclusive for a recalculation, shared for recording
     * an event. A recalculation thus waits for events in flight and then reads them all; events on different assets
     * still run side by side (the same asset is serialised by its row lock).
     */
    public Uni<Void> lockAgency(SqlClient tx, UUID agencyId, boolean exclusive) {
        String function = exclusive ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared";
        String sql = "select count(*) from (select " + function + "($1, hashtext($2))) as locked";
        return tx.preparedQuery(sql)
                .execute(Tuple.of(LOCK_NAMESPACE, agencyId.toString()))
                .replaceWithVoid();
    }

    /** Recomputes the agency's performance (one creator's when {@code modelId} is set); returns rows changed. */
    public Uni<Integer> recompute(SqlClient tx, UUID agencyId, UUID modelId) {
        if (modelId == null) {
            return execute(tx, "a.agency_id = $1", Tuple.of(agencyId));
        }
        return execute(tx, "a.agency_id = $1 and a.model_id = $2", Tuple.of(agencyId, modelId));
    }

    /** Recomputes one asset's performance; returns rows changed (0 or 1). */
    public Uni<Integer> recomputeAsset(SqlClient tx, UUID agencyId, UUID assetId) {
        return execute(tx, "a.agency_id = $1 and a.id = $2", Tuple.of(agencyId, assetId));
    }

    /** The asset's performance, all 0 when it has none. */
    public Uni<Performance> find(SqlClient tx, UUID agencyId, UUID assetId) {
        return tx.preparedQuery("select times_sent, times_unlocked, total_revenue, conversion_rate"
                        + " from vault_performance where agency_id = $1 and asset_id = $2")
                .execute(Tuple.of(agencyId, assetId))
                .map(rows ->
                        rows.size() == 0 ? NONE : performance(rows.iterator().next()));
    }

    private static Performance performance(Row row) {
        return new Performance(
                row.getLong("times_sent"),
                row.getLong("times_unlocked"),
                row.getLong("total_revenue"),
                row.getBigDecimal("conversion_rate"));
    }

    private static Uni<Integer> execute(SqlClient tx, String scope, Tuple parameters) {
        return tx.preparedQuery(RECOMPUTE.formatted(scope)).execute(parameters).map(SqlResult::rowCount);
    }
}
