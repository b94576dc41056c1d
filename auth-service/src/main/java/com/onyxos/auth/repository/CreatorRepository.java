package com.onyxos.auth.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Reads creators ({@code models}, written by stats-service) to map a creator to its Fanvue user. */
@ApplicationScoped
public class CreatorRepository {

    private final Pool pool;

    public CreatorRepository(Pool pool) {
        this.pool = pool;
    }

    /** The Fanvue user uuid of the agency's creator, or null when the agency has no such creator. */
    public Uni<UUID> fanvueUserOf(UUID agencyId, UUID creatorId) {
        return pool.preparedQuery("select fanvue_user_uuid from models where id = $1 and agency_id = $2")
                .execute(Tuple.of(creatorId, agencyId))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getUUID(0) : null);
    }
}
