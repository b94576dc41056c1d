package com.onyxos.vault.service;

import com.onyxos.vault.repository.AssetEventRepository;
import com.onyxos.vault.repository.AssetEventRepository.NewEvent;
import com.onyxos.vault.repository.EventItem;
import com.onyxos.vault.repository.VaultPerformanceRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Records sends and unlocks of assets, idempotently per (asset, message, type), and updates the asset's
 * performance in the same transaction.
 */
@ApplicationScoped
public class AssetEventService {

    private final Pool pool;
    private final AssetEventRepository events;
    private final VaultPerformanceRepository performance;

    public AssetEventService(Pool pool, AssetEventRepository events, VaultPerformanceRepository performance) {
        this.pool = pool;
        this.events = events;
        this.performance = performance;
    }

    /**
     * Records {@code event} for the agency's asset. The statements run on one connection in one transaction (a
     * Hibernate {@code @WithTransaction} would not cover the pool's statements).
     *
     * @return the outcome, or null when the agency has no such asset
     */
    public Uni<RecordedEvent> record(UUID agencyId, NewEvent event) {
        return pool.withTransaction(tx -> performance
                .lockAgency(tx, agencyId, false)
                .chain(() -> events.lockAsset(tx, agencyId, event.assetId()))
                .chain(found ->
                        found ? insert(tx, agencyId, event) : Uni.createFrom().nullItem()));
    }

    private Uni<RecordedEvent> insert(SqlConnection tx, UUID agencyId, NewEvent event) {
        return events.insertIfAbsent(tx, agencyId, event)
                .chain(inserted -> inserted != null
                        ? performance
                                .recomputeAsset(tx, agencyId, event.assetId())
                                .chain(() -> outcome(tx, agencyId, inserted, true))
                        : events.find(tx, agencyId, event).chain(existing -> outcome(tx, agencyId, existing, false)));
    }

    private Uni<RecordedEvent> outcome(SqlConnection tx, UUID agencyId, EventItem event, boolean created) {
        return performance
                .find(tx, agencyId, event.assetId())
                .map(numbers -> new RecordedEvent(created, event, numbers));
    }
}
