package com.onyxos.stats.repository;

import com.onyxos.stats.domain.StatField;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads creators with their figures: one statement for one creator or for a whole agency, the connection state
 * included (from auth-service's connections: kind, user and status only, never a token column).
 */
@ApplicationScoped
public class CreatorQueries {

    private static final String FIGURE_COLUMNS = Stream.of(StatField.values())
            .map(field -> "m." + field.valueColumn() + ", m." + field.refreshedColumn())
            .collect(Collectors.joining(", "));

    // The connection a refresh would use: a live agency connection or the creator's live personal one; else a
    // connection waiting for reauthorization; else none.
    private static final String SELECT = "with conn as (select kind, fanvue_user_id, status"
            + " from agency_fanvue_connections where agency_id = $1 and status <> 'revoked')"
            + " select m.id, m.agency_id, m.fanvue_user_uuid, m.handle, m.display_name, m.avatar_url, m.nickname,"
            + " m.status, m.seen_via, m.not_listed_since, m.stats_attempted_at, m.created_at, m.updated_at, "
            + FIGURE_COLUMNS
            // An aggregate over no rows is still one row (bool_or null): no usable connection is counted, not
            // coalesced.
            + ", (select case when count(*) = 0 then 'not_connected'"
            + " when bool_or(c.status in ('active', 'refreshing')) then 'active'"
            + " else 'reauth_required' end from conn c"
            + " where c.kind = 'agency' or c.fanvue_user_id = m.fanvue_user_uuid) as connection"
            + " from models m where m.agency_id = $1";

    private static final String REF = "select id, agency_id, fanvue_user_uuid, handle, status, seen_via from models";

    private final Pool pool;

    public CreatorQueries(Pool pool) {
        this.pool = pool;
    }

    /** Every creator of the agency with its figures, by handle. */
    public Uni<List<CreatorRow>> list(UUID agencyId) {
        return pool.preparedQuery(SELECT + " order by lower(m.handle), m.id")
                .execute(Tuple.of(agencyId))
                .map(CreatorQueries::rows);
    }

    /** The agency's creator with its figures, or null. */
    public Uni<CreatorRow> find(UUID agencyId, UUID creatorId) {
        return pool.preparedQuery(SELECT + " and m.id = $2")
                .execute(Tuple.of(agencyId, creatorId))
                .map(rows -> rows.iterator().hasNext() ? row(rows.iterator().next()) : null);
    }

    /** The agency's creator, or null. */
    public Uni<CreatorRef> ref(UUID agencyId, UUID creatorId) {
        return pool.preparedQuery(REF + " where agency_id = $1 and id = $2")
                .execute(Tuple.of(agencyId, creatorId))
                .map(rows -> rows.iterator().hasNext() ? ref(rows.iterator().next()) : null);
    }

    /** The agency's active creators, by handle. */
    public Uni<List<CreatorRef>> active(UUID agencyId) {
        return pool.preparedQuery(REF + " where agency_id = $1 and status = 'active' order by lower(handle), id")
                .execute(Tuple.of(agencyId))
                .map(rows -> {
                    List<CreatorRef> refs = new ArrayList<>();
                    rows.forEach(row -> refs.add(ref(row)));
                    return refs;
                });
    }

    /** Every creator of the agency (any status), id to handle. */
    public Uni<Map<UUID, String>> handles(UUID agencyId) {
        return pool.preparedQuery("select id, handle from models where agency_id = $1")
                .execute(Tuple.of(agencyId))
                .map(rows -> {
                    Map<UUID, String> handles = new java.util.HashMap<>();
                    rows.forEach(row -> handles.put(row.getUUID("id"), row.getString("handle")));
                    return handles;
                });
    }

    /** Agencies with a live Fanvue connection or any active creator: what the daily job covers. */
    public Uni<List<UUID>> agenciesToRefresh() {
        return pool.query("select agency_id from agency_fanvue_connections where status in ('active', 'refreshing')"
                        + " union select agency_id from models where status = 'active' order by 1")
                .execute()
                .map(rows -> {
                    List<UUID> agencies = new ArrayList<>();
                    rows.forEach(row -> agencies.add(row.getUUID(0)));
                    return agencies;
                });
    }

    /**
     * Claims a background refresh: sets {@code stats_attempted_at} unless a refresh started after
     * {@code notAfter}; true when this caller won (so replicas reading the same stale creator start one).
     */
    public Uni<Boolean> claimRefresh(UUID creatorId, Instant now, Instant notAfter) {
        return pool.preparedQuery("update models set stats_attempted_at = $2 where id = $1"
                        + " and (stats_attempted_at is null or stats_attempted_at < $3)")
                .execute(Tuple.of(creatorId, SqlTimes.utc(now), SqlTimes.utc(notAfter)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Records that a refresh of the creator starts now. */
    public Uni<Void> markAttempted(UUID creatorId, Instant now) {
        return pool.preparedQuery("update models set stats_attempted_at = $2 where id = $1")
                .execute(Tuple.of(creatorId, SqlTimes.utc(now)))
                .replaceWithVoid();
    }

    private static List<CreatorRow> rows(RowSet<Row> rows) {
        List<CreatorRow> creators = new ArrayList<>(rows.size());
        rows.forEach(row -> creators.add(row(row)));
        return creators;
    }

    static CreatorRow row(Row row) {
        Map<StatField, Figure> figures = StatsRows.figures(row);
        return new CreatorRow(
                row.getUUID("id"),
                row.getUUID("agency_id"),
                row.getUUID("fanvue_user_uuid"),
                row.getString("handle"),
                row.getString("display_name"),
                row.getString("avatar_url"),
                row.getString("nickname"),
                row.getString("status"),
                row.getString("seen_via"),
                SqlTimes.instant(row.getValue("not_listed_since")),
                row.getString("connection"),
                figures,
                SqlTimes.instant(row.getValue("stats_attempted_at")),
                SqlTimes.instant(row.getValue("created_at")),
                SqlTimes.instant(row.getValue("updated_at")));
    }

    private static CreatorRef ref(Row row) {
        return new CreatorRef(
                row.getUUID("id"),
                row.getUUID("agency_id"),
                row.getUUID("fanvue_user_uuid"),
                row.getString("handle"),
                row.getString("status"),
                row.getString("seen_via"));
    }
}
