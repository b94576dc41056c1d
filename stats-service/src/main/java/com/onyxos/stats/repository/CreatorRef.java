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
 */
public record CreatorRef(UUID id, UUID agencyId, UUID fanvueUserUuid, String handle, String status) {

    public boolean active() {
        return "active".equals(status);
    }
}
