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
import java.util.function.Function;

/**
 * Creators' rows as read from the database, kept in memory for a short while (quarkus-cache: about a minute, a
 * bounded number of entries, see application.properties). Every figure write invalidates the creator and its
 * agency's list, so a read after a refresh sees it.
 */
@ApplicationScoped
public class StatsCache {

    private final Cache creators;
    private final Cache lists;
    private final Cache renderedLists;
    private final CreatorQueries queries;

    public StatsCache(
            @CacheName("creator-stats") Cache creators,
            @CacheName("creator-lists") Cache lists,
            @CacheName("creator-list-json") Cache renderedLists,
            CreatorQueries queries) {
        this.creators = creators;
        this.lists = lists;
        this.renderedLists = renderedLists;
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

    /**
     * The agency's list as the API renders it (JSON of a hundred creators costs a millisecond of CPU): kept about a
     * second (so stale flags are at most that late) and dropped with the list on every write.
     */
    public Uni<byte[]> renderedList(UUID agencyId, Function<List<CreatorRow>, byte[]> render) {
        return renderedLists.getAsync(agencyId, key -> list(agencyId).map(render));
    }

    /** Forgets the creator and its agency's list. */
    public Uni<Void> invalidate(UUID agencyId, UUID creatorId) {
        return creators.invalidate(new CreatorKey(agencyId, creatorId)).chain(() -> invalidateAgency(agencyId));
    }

    /** Forgets the agency's list (creators were added or changed by an import). */
    public Uni<Void> invalidateAgency(UUID agencyId) {
        return lists.invalidate(agencyId).chain(() -> renderedLists.invalidate(agencyId));
    }

    /** Cache key of one creator. */
    record CreatorKey(UUID agencyId, UUID creatorId) {}
}
