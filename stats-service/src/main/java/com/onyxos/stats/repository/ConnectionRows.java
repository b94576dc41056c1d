package com.onyxos.stats.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads auth-service's Fanvue connections: kind, Fanvue user, handle and status only. Never a token column: tokens
 * come from the broker.
 */
@ApplicationScoped
public class ConnectionRows {

    private final Pool pool;

    public ConnectionRows(Pool pool) {
        this.pool = pool;
    }

    /** The agency's connections that are not revoked. */
    public Uni<List<ConnectionRef>> of(UUID agencyId) {
        return pool.preparedQuery("select kind, fanvue_user_id, fanvue_handle, status from agency_fanvue_connections"
                        + " where agency_id = $1 and status <> 'revoked' order by created_at, id")
                .execute(Tuple.of(agencyId))
                .map(rows -> {
                    List<ConnectionRef> connections = new ArrayList<>();
                    rows.forEach(row -> connections.add(new ConnectionRef(
                            row.getString("kind"),
                            row.getUUID("fanvue_user_id"),
                            row.getString("fanvue_handle"),
                            row.getString("status"))));
                    return connections;
                });
    }

    /**
     * Agencies with a live connection created after their last creator import started (or never imported): new or
     * renewed connections whose creators stats-service has not imported yet.
     */
    public Uni<List<UUID>> agenciesWithNewConnections() {
        return pool.query("select c.agency_id from agency_fanvue_connections c"
                        + " left join stats_agency_imports i on i.agency_id = c.agency_id"
                        + " where c.status in ('active', 'refreshing')"
                        + " group by c.agency_id, i.started_at"
                        + " having i.started_at is null or max(c.created_at) > i.started_at order by c.agency_id")
                .execute()
                .map(rows -> {
                    List<UUID> agencies = new ArrayList<>();
                    rows.forEach(row -> agencies.add(row.getUUID(0)));
                    return agencies;
                });
    }

    /**
     * A connection as stats-service may see it.
     *
     * @param kind agency or personal
     * @param fanvueUserId the connected Fanvue user
     * @param fanvueHandle its handle when auth-service knows it
     * @param status active, refreshing or reauth_required
     */
    public record ConnectionRef(String kind, UUID fanvueUserId, String fanvueHandle, String status) {

        public boolean live() {
            return "active".equals(status) || "refreshing".equals(status);
        }

        public boolean agency() {
            return "agency".equals(kind);
        }
    }
}
