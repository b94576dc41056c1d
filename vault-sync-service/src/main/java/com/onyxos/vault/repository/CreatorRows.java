package com.onyxos.vault.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads creators ({@code models}, written by stats-service). */
@ApplicationScoped
public class CreatorRows {

    private static final String SELECT = "select id, agency_id, fanvue_user_uuid, handle from models";

    private final Pool pool;

    public CreatorRows(Pool pool) {
        this.pool = pool;
    }

    /** The agency's creator, or null. */
    public Uni<CreatorRef> find(UUID agencyId, UUID creatorId) {
        return pool.preparedQuery(SELECT + " where id = $1 and agency_id = $2")
                .execute(Tuple.of(creatorId, agencyId))
                .map(rows -> rows.iterator().hasNext() ? from(rows.iterator().next()) : null);
    }

    /** The agency's active creators, by handle. */
    public Uni<List<CreatorRef>> active(UUID agencyId) {
        return pool.preparedQuery(SELECT + " where agency_id = $1 and status = 'active' order by handle, id")
                .execute(Tuple.of(agencyId))
                .map(rows -> {
                    List<CreatorRef> creators = new ArrayList<>();
                    rows.forEach(row -> creators.add(from(row)));
                    return creators;
                });
    }

    /** Agencies that have active creators and have not switched scheduled syncs off. */
    public Uni<List<UUID>> agenciesToSchedule() {
        return pool.query("select distinct m.agency_id from models m left join vault_sync_settings s"
                        + " on s.agency_id = m.agency_id where m.status = 'active'"
                        + " and coalesce(s.schedule_enabled, true) order by m.agency_id")
                .execute()
                .map(rows -> {
                    List<UUID> agencies = new ArrayList<>();
                    rows.forEach(row -> agencies.add(row.getUUID(0)));
                    return agencies;
                });
    }

    private static CreatorRef from(Row row) {
        return new CreatorRef(
                row.getUUID("id"), row.getUUID("agency_id"), row.getUUID("fanvue_user_uuid"), row.getString("handle"));
    }
}
