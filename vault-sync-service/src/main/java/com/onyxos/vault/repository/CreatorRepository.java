package com.onyxos.vault.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Reads creators ({@code models}, written by stats-service) to check one belongs to an agency. */
@ApplicationScoped
public class CreatorRepository {

    private final Pool pool;

    public CreatorRepository(Pool pool) {
        this.pool = pool;
    }

    /** Whether {@code modelId} is a creator of the agency. */
    public Uni<Boolean> exists(UUID agencyId, UUID modelId) {
        return pool.preparedQuery("select 1 from models where id = $1 and agency_id = $2")
                .execute(Tuple.of(modelId, agencyId))
                .map(rows -> rows.size() > 0);
    }
}
