package com.onyxos.vault.repository;

import com.onyxos.vault.mapping.AssetCursor;
import com.onyxos.vault.mapping.AssetSort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the asset library with its ROI numbers: keyset pages, single assets and best sellers, one statement each. */
@ApplicationScoped
public class AssetQueryRepository {

    /** Every asset column the API shows, with performance (0 when the asset has none). */
    static final String SELECT = """
            select a.id, a.model_id, a.fanvue_media_uuid, a.file_name, a.media_type, a.content_type,
                   a.fanvue_folder, a.fanvue_folders, a.tags, a.user_tags, a.status,
                   a.created_at, a.removed_at, a.last_synced_at,
                   coalesce(p.times_sent, 0) as times_sent, coalesce(p.times_unlocked, 0) as times_unlocked,
                   coalesce(p.total_revenue, 0) as total_revenue, coalesce(p.conversion_rate, 0) as conversion_rate
            from content_assets a
            left join vault_performance p on p.asset_id = a.id and p.agency_id = a.agency_id
            """;

    private final Pool pool;

    public AssetQueryRepository(Pool pool) {
        this.pool = pool;
    }

    /** Up to {@code limit} assets matching {@code filter} in {@code sort} order, after {@code cursor} (if any). */
    public Uni<List<AssetItem>> page(AssetFilter filter, AssetSort sort, AssetCursor cursor, int limit) {
        SqlConditions where = conditions(filter);
        if (cursor != null) {
            // Row comparison: strictly after the cursor in (key desc, id desc) order.
            where.add(
                    "(" + sort.expression() + ", a.id) < (?::" + sort.sqlType() + ", ?::uuid)",
                    cursor.key(),
                    cursor.id());
        }
        String order = " order by " + sort.expression() + " desc, a.id desc limit " + where.bind(limit);
        return query(SELECT + where.where() + order, where);
    }

    /** The agency's asset {@code id}, or null when the agency has no such asset. */
    public Uni<AssetItem> find(UUID agencyId, UUID id) {
        SqlConditions where =
                new SqlConditions().add("a.agency_id = ?", agencyId).add("a.id = ?", id);
        return query(SELECT + where.where(), where).map(items -> items.isEmpty() ? null : items.get(0));
    }

    /**
     * The agency's active assets sent at least {@code minSends} times, best first by {@code sort} (revenue or
     * conversion), the other figure and then the id breaking ties.
     */
    public Uni<List<AssetItem>> bestSellers(UUID agencyId, UUID modelId, AssetSort sort, int minSends, int limit) {
        SqlConditions where = new SqlConditions()
                .add("a.agency_id = ?", agencyId)
                .add("a.status = 'active'")
                .add("coalesce(p.times_sent, 0) >= ?", (long) minSends)
                .addIfPresent("a.model_id = ?", modelId);
        AssetSort tieBreak = sort == AssetSort.REVENUE ? AssetSort.CONVERSION : AssetSort.REVENUE;
        String order = " order by " + sort.expression() + " desc, " + tieBreak.expression() + " desc, a.id limit "
                + where.bind(limit);
        return query(SELECT + where.where() + order, where);
    }

    private static SqlConditions conditions(AssetFilter filter) {
        return new SqlConditions()
                .add("a.agency_id = ?", filter.agencyId())
                .addIfPresent("a.model_id = ?", filter.modelId())
                .addIfPresent("a.fanvue_folders @> array[?::text]", filter.folder())
                .addIfPresent("a.media_type = ?", filter.mediaType())
                .addIfPresent("a.content_type = ?", filter.contentType())
                // User tags are stored lower-case; sync tags keep the folder's spelling.
                .addIfPresent("(a.tags @> array[?::text] or a.user_tags @> array[lower(?::text)])", filter.tag())
                .addIfPresent("a.file_name ilike ? escape '\\'", containing(filter.text()))
                .addIfPresent("a.status = ?", filter.status());
    }

    private Uni<List<AssetItem>> query(String sql, SqlConditions where) {
        return pool.preparedQuery(sql).execute(where.parameters()).map(AssetQueryRepository::items);
    }

    private static List<AssetItem> items(RowSet<Row> rows) {
        List<AssetItem> items = new ArrayList<>(rows.size());
        for (Row row : rows) {
            items.add(AssetItem.of(row));
        }
        return items;
    }

    /** An ILIKE pattern matching {@code text} literally anywhere: its wildcards and escapes are escaped. */
    static String containing(String text) {
        if (text == null) {
            return null;
        }
        String literal = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + literal + "%";
    }
}
