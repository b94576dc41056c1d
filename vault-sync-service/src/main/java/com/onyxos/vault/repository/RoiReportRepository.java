package com.onyxos.vault.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** ROI per vault folder: one aggregate statement over active assets and their performance. */
@ApplicationScoped
public class RoiReportRepository {

    private static final String FOLDERS = """
            select a.fanvue_folder as folder, count(*) as asset_count,
                   round(avg(coalesce(p.conversion_rate, 0)), 6) as average_conversion,
                   coalesce(sum(p.total_revenue), 0)::bigint as total_revenue,
                   coalesce(sum(p.times_sent), 0)::bigint as times_sent,
                   coalesce(sum(p.times_unlocked), 0)::bigint as times_unlocked
            from content_assets a
            left join vault_performance p on p.asset_id = a.id and p.agency_id = a.agency_id
            """;

    private static final String GROUP = " group by a.fanvue_folder order by total_revenue desc, folder";

    private final Pool pool;

    public RoiReportRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Per folder of the agency (of one creator when {@code modelId} is set): active assets only, so removed media no
     * longer weighs on a folder; assets without a folder are left out.
     */
    public Uni<List<FolderStats>> folders(UUID agencyId, UUID modelId) {
        SqlConditions where = new SqlConditions()
                .add("a.agency_id = ?", agencyId)
                .add("a.status = 'active'")
                .add("a.fanvue_folder is not null")
                .addIfPresent("a.model_id = ?", modelId);
        return pool.preparedQuery(FOLDERS + where.where() + GROUP)
                .execute(where.parameters())
                .map(RoiReportRepository::stats);
    }

    private static List<FolderStats> stats(RowSet<Row> rows) {
        List<FolderStats> stats = new ArrayList<>(rows.size());
        for (Row row : rows) {
            stats.add(new FolderStats(
                    row.getString("folder"),
                    row.getLong("asset_count"),
                    row.getBigDecimal("average_conversion"),
                    row.getLong("total_revenue"),
                    row.getLong("times_sent"),
                    row.getLong("times_unlocked")));
        }
        return stats;
    }
}
