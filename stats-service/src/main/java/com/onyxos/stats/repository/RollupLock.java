package com.onyxos.stats.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * An agency's earnings rollup lock, a transaction-scoped PostgreSQL advisory lock: writes of earnings rows take it
 * shared (they run side by side), a rollup recompute takes it exclusive, so it reads the rows and clears the dirty
 * ranges with no write in between.
 */
@ApplicationScoped
public class RollupLock {

    private static final int SPACE = "stats-earnings-rollup".hashCode();

    /** Takes the lock shared until the transaction ends. */
    public Uni<Void> shared(SqlConnection connection, UUID agencyId) {
        return connection
                .preparedQuery("select 1 from (select pg_advisory_xact_lock_shared($1, $2)) l")
                .execute(Tuple.of(SPACE, agencyId.hashCode()))
                .replaceWithVoid();
    }

    /** Takes the lock exclusive until the transaction ends (waits for the writes holding it). */
    public Uni<Void> exclusive(SqlConnection connection, UUID agencyId) {
        return connection
                .preparedQuery("select 1 from (select pg_advisory_xact_lock($1, $2)) l")
                .execute(Tuple.of(SPACE, agencyId.hashCode()))
                .replaceWithVoid();
    }
}
