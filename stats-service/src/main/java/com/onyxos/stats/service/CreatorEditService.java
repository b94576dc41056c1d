package com.onyxos.stats.service;

import com.onyxos.stats.repository.CreatorEdits;
import com.onyxos.stats.repository.CreatorQueries;
import com.onyxos.stats.repository.CreatorRow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The agency's edits of a creator (status, nickname); the cached rows are dropped so reads see the edit. */
@ApplicationScoped
public class CreatorEditService {

    private final CreatorEdits edits;
    private final CreatorQueries queries;
    private final StatsCache cache;

    public CreatorEditService(CreatorEdits edits, CreatorQueries queries, StatsCache cache) {
        this.edits = edits;
        this.queries = queries;
        this.cache = cache;
    }

    /** Applies the edit; answers the creator as it is now, or null when the agency has no such creator. */
    public Uni<CreatorRow> edit(UUID agencyId, UUID creatorId, String status, boolean changeNickname, String nickname) {
        return edits.update(agencyId, creatorId, status, changeNickname, nickname)
                .chain(found -> found
                        ? cache.invalidate(agencyId, creatorId).chain(() -> queries.find(agencyId, creatorId))
                        : Uni.createFrom().nullItem());
    }
}
