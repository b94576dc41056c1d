package com.onyxos.stats.service;

import com.onyxos.stats.repository.CreatorRow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Creators and their figures for the API: from the cache (the database behind it), and a read that finds stale
 * figures starts one background refresh without waiting for it.
 */
@ApplicationScoped
public class StatsReadService {

    private final StatsCache cache;
    private final BackgroundRefresh background;

    public StatsReadService(StatsCache cache, BackgroundRefresh background) {
        this.cache = cache;
        this.background = background;
    }

    /** The agency's creator, or null. */
    public Uni<CreatorRow> creator(UUID agencyId, UUID creatorId) {
        return cache.creator(agencyId, creatorId)
                .map(found -> found.orElse(null))
                .invoke(row -> {
                    if (row != null) {
                        background.refreshIfStale(List.of(row));
                    }
                });
    }

    /** Every creator of the agency. */
    public Uni<List<CreatorRow>> list(UUID agencyId) {
        return cache.list(agencyId).invoke(background::refreshIfStale);
    }

    /** Every creator of the agency, rendered by {@code render} (and kept so for about a second). */
    public Uni<byte[]> renderedList(UUID agencyId, Function<List<CreatorRow>, byte[]> render) {
        return cache.renderedList(agencyId, rows -> {
            background.refreshIfStale(rows);
            return render.apply(rows);
        });
    }
}
