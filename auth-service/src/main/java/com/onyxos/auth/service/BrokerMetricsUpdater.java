package com.onyxos.auth.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/** Recounts the connections that wait for a new authorization, for the gauge ops alert on. */
@ApplicationScoped
public class BrokerMetricsUpdater {

    private final Pool pool;
    private final BrokerMetrics metrics;

    public BrokerMetricsUpdater(Pool pool, BrokerMetrics metrics) {
        this.pool = pool;
        this.metrics = metrics;
    }

    public Uni<Void> recount() {
        return pool.query("select count(*) from agency_fanvue_connections where status = 'reauth_required'")
                .execute()
                .invoke(rows -> metrics.reauthRequired(rows.iterator().next().getLong(0)))
                .replaceWithVoid();
    }
}
