package com.onyxos.auth.rest;

import com.onyxos.auth.domain.MfaFactor;
import java.time.Instant;
import java.util.UUID;

/**
 * A factor as the owner sees it: never its secret.
 *
 * @param id factor id
 * @param type {@code totp}
 * @param friendlyName the owner's name for it, may be null
 * @param status {@code unverified} or {@code verified}
 * @param createdAt when it was enrolled
 * @param verifiedAt when it was first verified, null while unverified
 * @param expiresAt when an unverified factor expires, null once verified
 */
public record FactorView(
        UUID id,
        String type,
        String friendlyName,
        String status,
        Instant createdAt,
        Instant verifiedAt,
        Instant expiresAt) {

    static FactorView of(MfaFactor factor) {
        return new FactorView(
                factor.id,
                factor.factorType,
                factor.friendlyName,
                factor.status,
                factor.createdAt,
                factor.verifiedAt,
                factor.expiresAt);
    }
}
