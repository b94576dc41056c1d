package com.onyxos.stats.service;

import com.onyxos.stats.repository.CreatorQueries;
import com.onyxos.stats.repository.CreatorRow;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Creators' rows as read from the database, kept in memory for a short while (quarkus-cache: about a minute, a
 * bounded number of entries, see application.properties). Every figure write invalidates the creator and its
 * agency's list, so a read after a refresh sees it.
 */
@ApplicationScoped
public class StatsCache {

    private final Cache creators;
    private final Cache lists;
    private final CreatorQueries queries;

    public StatsCache(
            @CacheName("creator-stats") Cache creators,
            @CacheName("creator-lists") Cache lists,
            CreatorQueries queries) {
        this.creators = creators;
        this.lists = lists;
        this.queries = queries;
    }

    /** The agency's creator, empty when it has none of that id. */
    public Uni<Optional<CreatorRow>> creator(UUID agencyId, UUID creatorId) {
        return creators.getAsync(new CreatorKey(agencyId, creatorId), key -> queries.find(agencyId, creatorId)
                .map(Optional::ofNullable));
    }

    /** Every creator of the agency. */
    public Uni<List<CreatorRow>> list(UUID agencyId) {
        return lists.getAsync(agencyId, key -> queries.list(agencyId));
    }

    /** Forgets the creator and its agency's list. */
    public Uni<Void> invalidate(UUID agencyId, UUID creatorId) {
        return creators.invalidate(new CreatorKey(agencyId, creatorId)).chain(() -> lists.invalidate(agencyId));
    }

    /** Forgets the agency's list (creators were added or changed by an import). */
    public Uni<Void> invalidateAgency(UUID agencyId) {
        return lists.invalidate(agencyId);
    }

    /** Cache key of one creator. */
    record CreatorKey(UUID agencyId, UUID creatorId) {}
}
