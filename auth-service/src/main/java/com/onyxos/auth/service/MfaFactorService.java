package com.onyxos.auth.service;

import com.onyxos.auth.config.MfaConfig;
import com.onyxos.auth.mfa.Base32;
import com.onyxos.auth.repository.MfaFactorRepository;
import com.onyxos.auth.repository.MfaRecoveryCodeRepository;
import com.onyxos.common.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Lists, enrolls and removes a user's TOTP factors. */
@ApplicationScoped
public class MfaFactorService {

    /** 160 bits, the HMAC-SHA1 block-size-friendly length RFC 4226 recommends. */
    private static final int SECRET_BYTES = 20;

    private final MfaFactorRepository factors;
    private final MfaRecoveryCodeRepository recoveryCodes;
    private final FactorSecrets secrets;
    private final MfaConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public MfaFactorService(
            MfaFactorRepository factors,
            MfaRecoveryCodeRepository recoveryCodes,
            FactorSecrets secrets,
            MfaConfig config,
            Clock clock) {
        this.factors = factors;
        this.recoveryCodes = recoveryCodes;
        this.secrets = secrets;
        this.config = config;
        this.clock = clock;
    }

    /** The user's verified factors, pending factors that have not expired, and unused recovery codes left. */
    @WithSession
    public Uni<FactorList> list(String userSub) {
        return factors.listLive(userSub, clock.instant())
                .chain(live -> recoveryCodes.countUnused(userSub).map(left -> new FactorList(live, left)));
    }

    /**
     * Enrolls a new pending TOTP factor with a fresh secret; it expires unless verified in time. The user's expired
     * pending factors are removed first.
     *
     * @throws ProblemException 409 {@code mfa_factor_limit} when the user already has the most factors allowed
     */
    @WithTransaction
    public Uni<NewFactor> enroll(String userSub, String friendlyName) {
        Instant now = clock.instant();
        return factors.lockUser(userSub)
                .chain(() -> factors.deleteExpired(userSub, now))
                .chain(() -> factors.countLive(userSub, now))
                .chain(count -> count >= config.maxFactorsPerUser()
                        ? Uni.createFrom().failure(tooManyFactors())
                        : insert(userSub, friendlyName, now));
    }

    /**
     * Deletes the user's factor; deleting the last verified one also deletes the recovery codes. False when the user
     * has no such factor. The caller checks step-up first.
     */
    @WithTransaction
    public Uni<Boolean> delete(String userSub, UUID factorId) {
        return factors.lockUser(userSub)
                .chain(() -> factors.deleteOwned(factorId, userSub))
                .chain(status -> status == null ? Uni.createFrom().item(false) : afterDelete(userSub, status));
    }

    private Uni<NewFactor> insert(String userSub, String friendlyName, Instant now) {
        UUID id = UUID.randomUUID();
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String base32 = Base32.encode(secret);
        Instant expiresAt = now.plus(config.enrollmentValidity());
        return factors.insertPending(id, userSub, friendlyName, secrets.seal(id, base32), now, expiresAt)
                .replaceWith(new NewFactor(id, base32, expiresAt));
    }

    private Uni<Boolean> afterDelete(String userSub, String deletedStatus) {
        if (!"verified".equals(deletedStatus)) {
            return Uni.createFrom().item(true);
        }
        return factors.countVerified(userSub)
                .chain(left -> left == 0
                        ? recoveryCodes.deleteAll(userSub)
                        : Uni.createFrom().item(0L))
                .replaceWith(true);
    }

    private ProblemException tooManyFactors() {
        return new ProblemException(
                409,
                "mfa_factor_limit",
                "Too many factors",
                "You already have " + config.maxFactorsPerUser() + " factors. Remove one before adding another.");
    }
}
