package com.onyxos.auth.service;

import java.time.Instant;
import java.util.UUID;

/**
 * A factor just enrolled, the only time its secret leaves the service.
 *
 * @param id the factor id
 * @param base32Secret the unpadded base32 secret for the authenticator app
 * @param expiresAt when the factor expires unless verified
 */
public record NewFactor(UUID id, String base32Secret, Instant expiresAt) {

    @Override
    public String toString() {
        return "NewFactor[id=" + id + ", expiresAt=" + expiresAt + "]";
    }
}
