package com.onyxos.stats.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One creator's refresh, as the API reports it.
 *
 * @param creatorId the creator
 * @param handle its handle
 * @param joined true when this request joined a refresh already running
 * @param refreshedAt when the figures were written
 * @param fields per figure: refreshed or kept, and why
 */
public record CreatorRefresh(
        UUID creatorId, String handle, boolean joined, Instant refreshedAt, List<FieldOutcome> fields) {

    public CreatorRefresh {
        fields = List.copyOf(fields);
    }

    public CreatorRefresh asJoined() {
        return new CreatorRefresh(creatorId, handle, true, refreshedAt, fields);
    }

    public long refreshedCount() {
        return fields.stream().filter(FieldOutcome::refreshed).count();
    }

    public long keptCount() {
        return fields.size() - refreshedCount();
    }
}
