package com.onyxos.stats.repository;

import java.util.UUID;

/**
 * A creator as a refresh needs it.
 *
 * @param id the creator ({@code models.id})
 * @param agencyId its agency
 * @param fanvueUserUuid its Fanvue user
 * @param handle its Fanvue handle
 * @param status active, paused or archived
 * @param seenVia how the last import reached it (agency, self, personal), null before any import
 */
public record CreatorRef(UUID id, UUID agencyId, UUID fanvueUserUuid, String handle, String status, String seenVia) {

    public boolean active() {
        return "active".equals(status);
    }

    /** Whether only the creator's own (personal) connection reaches it. */
    public boolean personalOnly() {
        return "personal".equals(seenVia);
    }
}
