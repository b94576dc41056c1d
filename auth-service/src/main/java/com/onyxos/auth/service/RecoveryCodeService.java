package com.onyxos.auth.service;

import com.onyxos.auth.config.MfaConfig;
import com.onyxos.auth.mfa.RecoveryCodes;
import com.onyxos.auth.repository.MfaFactorRepository;
import com.onyxos.auth.repository.MfaRecoveryCodeRepository;
import com.onyxos.auth.repository.MfaStepRepository;
import com.onyxos.common.security.Caller;
import com.onyxos.common.security.StepUp;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Issues recovery codes (stored hashed, shown once) and redeems them, once each, for a session's step-up. */
@ApplicationScoped
public class RecoveryCodeService {

    private final MfaRecoveryCodeRepository codes;
    private final MfaFactorRepository factors;
    private final MfaStepRepository steps;
    private final MfaMetrics metrics;
    private final MfaConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public RecoveryCodeService(
            MfaRecoveryCodeRepository codes,
            MfaFactorRepository factors,
            MfaStepRepository steps,
            MfaMetrics metrics,
            MfaConfig config,
            Clock clock) {
        this.codes = codes;
        this.factors = factors;
        this.steps = steps;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    /** Replaces the user's recovery codes with fresh ones and answers them in display form (the only time). */
    public Uni<List<String>> issue(String userSub, Instant now) {
        List<String> fresh = RecoveryCodes.generate(random, config.recoveryCodeCount());
        List<byte[]> hashes = fresh.stream()
                .map(code -> RecoveryCodes.hash(
                        userSub, RecoveryCodes.normalise(code).orElseThrow()))
                .toList();
        return codes.replaceAll(userSub, hashes, now).replaceWith(fresh);
    }

    /** Uses one of the caller's recovery codes (as typed: separators and case do not matter) to step up. */
    @WithTransaction
    public Uni<RecoveryResult> redeem(Caller caller, String typedCode) {
        Instant now = clock.instant();
        String normalised = RecoveryCodes.normalise(typedCode).orElse(null);
        if (normalised == null) {
            metrics.failure(MfaMethod.RECOVERY_CODE);
            return Uni.createFrom().item(RecoveryResult.rejected());
        }
        byte[] hash = RecoveryCodes.hash(caller.subject(), normalised);
        return factors.lockUser(caller.subject())
                .chain(() -> codes.consume(caller.subject(), hash, now))
                .chain(used -> used ? stepUp(caller, now) : reject());
    }

    private Uni<RecoveryResult> stepUp(Caller caller, Instant now) {
        Instant expiresAt = now.plus(config.stepUpValidity());
        return steps.record(caller.subject(), StepUp.sessionKey(caller), null, MfaMethod.RECOVERY_CODE, now, expiresAt)
                .chain(() -> codes.countUnused(caller.subject()))
                .map(left -> new RecoveryResult(true, expiresAt, left));
    }

    private Uni<RecoveryResult> reject() {
        metrics.failure(MfaMethod.RECOVERY_CODE);
        return Uni.createFrom().item(RecoveryResult.rejected());
    }
}
