package com.onyxos.vault.repository;

import java.util.UUID;

/**
 * A creator as the sync needs it.
 *
 * @param id the creator ({@code models.id})
 * @param agencyId its agency
 * @param fanvueUserUuid its Fanvue user
 * @param handle its Fanvue handle
 */
public record CreatorRef(UUID id, UUID agencyId, UUID fanvueUserUuid, String handle) {}
