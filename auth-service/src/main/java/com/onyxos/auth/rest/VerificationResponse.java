package com.onyxos.auth.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Answer of a successful {@code POST /api/user/mfa/verify}.
 *
 * @param factorId the factor verified
 * @param status {@code verified}
 * @param stepUpExpiresAt until when this session counts as stepped up
 * @param recoveryCodes only when the user's first factor was just verified: the recovery codes, shown this once
 */
public record VerificationResponse(
        UUID factorId,
        String status,
        Instant stepUpExpiresAt,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> recoveryCodes) {

    @Override
    public String toString() {
        return "VerificationResponse[factorId=" + factorId + "]";
    }
}
