package com.onyxos.stats.repository;

import java.util.UUID;

/**
 * A creator an import found.
 *
 * @param fanvueUserUuid its Fanvue user
 * @param handle its handle
 * @param displayName its display name, null when the source does not say
 * @param avatarUrl its avatar, null when the source does not say
 * @param seenVia agency, self or personal
 */
public record ImportedCreator(
        UUID fanvueUserUuid, String handle, String displayName, String avatarUrl, String seenVia) {

    public boolean personal() {
        return "personal".equals(seenVia);
    }
}
