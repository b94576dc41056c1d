package com.onyxos.auth.service;

import com.onyxos.auth.config.MfaConfig;
import com.onyxos.auth.crypto.SecretCipher;
import com.onyxos.auth.domain.MfaFactor;
import com.onyxos.auth.mfa.Base32;
import com.onyxos.auth.mfa.TotpGenerator;
import com.onyxos.auth.repository.MfaFactorRepository;
import com.onyxos.auth.repository.MfaStepRepository;
import com.onyxos.common.security.Caller;
import com.onyxos.common.security.StepUp;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Verifies TOTP codes: SHA1, 6 digits, 30 s, one step of clock drift either way. A success marks the factor
 * verified, records the session's step-up, and on the user's first factor issues the recovery codes. Replays and
 * wrong codes count towards the factor's lockout.
 */
@ApplicationScoped
public class MfaVerificationService {

    /** Steps of clock drift accepted on either side of the current one. */
    static final int DRIFT_STEPS = 1;

    private final MfaFactorRepository factors;
    private final MfaStepRepository steps;
    private final RecoveryCodeService recoveryCodes;
    private final FactorSecrets secrets;
    private final MfaMetrics metrics;
    private final MfaConfig config;
    private final Clock clock;

    public MfaVerificationService(
            MfaFactorRepository factors,
            MfaStepRepository steps,
            RecoveryCodeService recoveryCodes,
            FactorSecrets secrets,
            MfaMetrics metrics,
            MfaConfig config,
            Clock clock) {
        this.factors = factors;
        this.steps = steps;
        this.recoveryCodes = recoveryCodes;
        this.secrets = secrets;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    /** Checks {@code code} (six digits) against the caller's factor {@code factorId}. */
    @WithTransaction
    public Uni<VerificationResult> verify(Caller caller, UUID factorId, String code) {
        Instant now = clock.instant();
        return factors.lockUser(caller.subject())
                .chain(() -> factors.findOwned(factorId, caller.subject()))
                .chain(factor -> check(caller, factor, code, now));
    }

    private Uni<VerificationResult> check(Caller caller, MfaFactor factor, String code, Instant now) {
        if (factor == null) {
            return Uni.createFrom().item(VerificationResult.of(VerificationResult.Outcome.NOT_FOUND));
        }
        if (!"verified".equals(factor.status) && !factor.expiresAt.isAfter(now)) {
            return factors.delete(factor).replaceWith(VerificationResult.of(VerificationResult.Outcome.EXPIRED));
        }
        if (factor.lockedUntil != null && factor.lockedUntil.isAfter(now)) {
            // Locked: the code is not even looked at.
            return Uni.createFrom().item(VerificationResult.locked(factor.lockedUntil));
        }
        SecretCipher.Opened secret = secrets.open(factor);
        OptionalLong step =
                TotpGenerator.STANDARD.matchingStep(Base32.decode(secret.plaintext()), code, now, DRIFT_STEPS);
        if (step.isEmpty()) {
            return fail(factor, now);
        }
        boolean firstVerification = !"verified".equals(factor.status);
        return factors.acceptStep(factor.id, factor.userSub, step.getAsLong(), now)
                .chain(accepted ->
                        accepted ? succeed(caller, factor, secret, firstVerification, now) : fail(factor, now));
    }

    private Uni<VerificationResult> succeed(
            Caller caller, MfaFactor factor, SecretCipher.Opened secret, boolean firstVerification, Instant now) {
        Instant stepUpExpiresAt = now.plus(config.stepUpValidity());
        return steps.record(
                        caller.subject(), StepUp.sessionKey(caller), factor.id, MfaMethod.TOTP, now, stepUpExpiresAt)
                .chain(() -> resealIfStale(factor, secret, now))
                .chain(() -> firstVerification ? issueIfFirstFactor(caller.subject(), now) : noCodes())
                .map(codes -> VerificationResult.verified(factor.id, stepUpExpiresAt, codes));
    }

    private Uni<List<String>> issueIfFirstFactor(String userSub, Instant now) {
        return factors.countVerified(userSub)
                .chain(verified -> verified == 1 ? recoveryCodes.issue(userSub, now) : noCodes());
    }

    private Uni<VerificationResult> fail(MfaFactor factor, Instant now) {
        Instant lockedUntil = now.plus(config.lockoutDuration());
        return factors.recordFailure(factor.id, factor.userSub, now, config.maxFailedAttempts(), lockedUntil)
                .map(lockedNow -> {
                    metrics.failure(MfaMethod.TOTP);
                    if (Boolean.TRUE.equals(lockedNow)) {
                        metrics.lockout();
                        return VerificationResult.locked(lockedUntil);
                    }
                    return VerificationResult.of(VerificationResult.Outcome.INVALID_CODE);
                });
    }

    private Uni<Void> resealIfStale(MfaFactor factor, SecretCipher.Opened secret, Instant now) {
        if (!secret.staleKey()) {
            return Uni.createFrom().voidItem();
        }
        return factors.reseal(factor.id, secrets.seal(factor.id, secret.plaintext()), now);
    }

    private static Uni<List<String>> noCodes() {
        return Uni.createFrom().item(List.of());
    }
}
