package com.onyxos.auth.rest;

import com.onyxos.auth.service.RecoveryResult;
import com.onyxos.auth.service.VerificationResult;
import com.onyxos.common.problem.ProblemException;
import com.onyxos.common.problem.ProblemResponses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * HTTP answers of MFA verifications. A locked factor answers 429 {@code mfa_factor_locked} with
 * {@code Retry-After} (429 rather than 423: clients and proxies know it, and it says "try again later").
 * Responses carrying codes or secrets are never cached.
 */
@ApplicationScoped
public class MfaResponses {

    static final String NO_STORE = "no-store";

    private final ProblemResponses problems;
    private final Clock clock;

    public MfaResponses(ProblemResponses problems, Clock clock) {
        this.problems = problems;
        this.clock = clock;
    }

    /** 200 with the verification, or the problem the outcome stands for. */
    Response verification(VerificationResult result) {
        return switch (result.outcome()) {
            case VERIFIED ->
                ok(new VerificationResponse(
                        result.factorId(), "verified", result.stepUpExpiresAt(), result.recoveryCodes()));
            case INVALID_CODE -> throw invalidCode();
            case NOT_FOUND -> throw factorNotFound();
            case EXPIRED ->
                throw new ProblemException(
                        410,
                        "mfa_factor_expired",
                        "Factor expired",
                        "This factor was not verified in time and has been removed. Enroll again.");
            case LOCKED -> locked(result);
        };
    }

    /** 200 with the step-up, or 422 {@code mfa_code_invalid}. */
    Response recovery(RecoveryResult result) {
        if (!result.redeemed()) {
            throw invalidCode();
        }
        return ok(new RecoveryResponse(result.stepUpExpiresAt(), result.recoveryCodesRemaining()));
    }

    static ProblemException factorNotFound() {
        return new ProblemException(404, "mfa_factor_not_found", "Not Found", "You have no factor with this id.");
    }

    static Response ok(Object entity) {
        return Response.ok(entity).header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }

    private static ProblemException invalidCode() {
        return new ProblemException(
                422, "mfa_code_invalid", "Invalid code", "The code is wrong, expired or was already used.");
    }

    private Response locked(VerificationResult result) {
        long seconds = Math.max(
                1, Duration.between(clock.instant(), result.lockedUntil()).toSeconds());
        Response problem = problems.build(
                429,
                "mfa_factor_locked",
                "Factor locked",
                "Too many wrong codes. This factor accepts codes again at " + result.lockedUntil() + ".",
                List.of());
        return Response.fromResponse(problem)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .build();
    }
}
