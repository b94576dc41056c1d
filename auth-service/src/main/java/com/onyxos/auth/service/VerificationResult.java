package com.onyxos.auth.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a TOTP verification came to. Failures are results, not exceptions, so the failure count they write commits.
 *
 * @param outcome what happened
 * @param factorId the factor verified (on success)
 * @param stepUpExpiresAt until when the session counts as stepped up (on success)
 * @param recoveryCodes the new recovery codes, only on the verification of the user's first factor; else empty
 * @param lockedUntil until when the factor refuses codes (when locked)
 */
public record VerificationResult(
        Outcome outcome, UUID factorId, Instant stepUpExpiresAt, List<String> recoveryCodes, Instant lockedUntil) {

    /** The outcomes of a verification. */
    public enum Outcome {
        VERIFIED,
        INVALID_CODE,
        LOCKED,
        NOT_FOUND,
        EXPIRED
    }

    static VerificationResult verified(UUID factorId, Instant stepUpExpiresAt, List<String> recoveryCodes) {
        return new VerificationResult(Outcome.VERIFIED, factorId, stepUpExpiresAt, recoveryCodes, null);
    }

    static VerificationResult locked(Instant until) {
        return new VerificationResult(Outcome.LOCKED, null, null, List.of(), until);
    }

    static VerificationResult of(Outcome outcome) {
        return new VerificationResult(outcome, null, null, List.of(), null);
    }

    @Override
    public String toString() {
        return "VerificationResult[" + outcome + "]";
    }
}
