package com.onyxos.auth.repository;

import com.onyxos.auth.domain.MfaFactor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.common.AffectedEntities;

/**
 * The users' TOTP factors. Replay and lockout state change only through single conditional statements, so two
 * concurrent requests can never both pass a check the other one invalidates.
 */
@ApplicationScoped
@WithSession
public class MfaFactorRepository implements PanacheRepositoryBase<MfaFactor, UUID> {

    private static final AffectedEntities FACTORS = new AffectedEntities(MfaFactor.class);

    private static final String INSERT = """
            insert into mfa_factors (id, user_sub, factor_type, friendly_name, secret_ciphertext, status, expires_at,
                                     created_at, updated_at)
            values (:id, :sub, 'totp', :name, :secret, 'unverified', :expiresAt, :now, :now)
            """;

    // The replay guard: succeeds only for a step later than every step used before, on a factor that is neither
    // locked nor expired, and resets the failure count.
    private static final String ACCEPT_STEP = """
            update mfa_factors
               set last_used_step = :step, failed_attempts = 0, locked_until = null, status = 'verified',
                   verified_at = coalesce(verified_at, :now), expires_at = null, updated_at = :now
             where id = :id and user_sub = :sub
               and (last_used_step is null or last_used_step < :step)
               and (locked_until is null or locked_until <= :now)
               and (status = 'verified' or expires_at > :now)
            returning id
            """;

    // Counts a failure; the one that reaches the limit locks the factor and starts a fresh count for after the lock.
    private static final String RECORD_FAILURE = """
            update mfa_factors
               set failed_attempts = case when failed_attempts + 1 >= :max then 0 else failed_attempts + 1 end,
                   locked_until = case when failed_attempts + 1 >= :max then cast(:lockedUntil as timestamptz) end,
                   updated_at = :now
             where id = :id and user_sub = :sub and (locked_until is null or locked_until <= :now)
            returning locked_until is not null
            """;

    /** The user's verified factors and the pending ones that have not expired, oldest first. */
    public Uni<List<MfaFactor>> listLive(String userSub, Instant now) {
        return find("userSub = ?1 and (status = 'verified' or expiresAt > ?2) order by createdAt, id", userSub, now)
                .list();
    }

    /** The factor of that id if it belongs to the user, else null. */
    public Uni<MfaFactor> findOwned(UUID id, String userSub) {
        return find("id = ?1 and userSub = ?2", id, userSub).firstResult();
    }

    public Uni<Long> countLive(String userSub, Instant now) {
        return count("userSub = ?1 and (status = 'verified' or expiresAt > ?2)", userSub, now);
    }

    public Uni<Long> countVerified(String userSub) {
        return count("userSub = ?1 and status = 'verified'", userSub);
    }

    /** Removes the user's pending factors whose enrollment window has passed. */
    public Uni<Long> deleteExpired(String userSub, Instant now) {
        return delete("userSub = ?1 and status = 'unverified' and expiresAt <= ?2", userSub, now);
    }

    /**
     * Serialises the MFA writes of one user until the transaction ends (a transaction-scoped advisory lock), so
     * "first verified factor" and "last verified factor" are decided on settled data.
     */
    public Uni<Void> lockUser(String userSub) {
        return getSession()
                .chain(session -> session.createNativeQuery(
                                "select 1 from pg_advisory_xact_lock(hashtextextended(:key, 0))", Integer.class)
                        .setParameter("key", "onyx.mfa:" + userSub)
                        .getSingleResult())
                .replaceWithVoid();
    }

    /** Stores a new pending factor whose secret is already sealed for this row. */
    public Uni<Void> insertPending(
            UUID id, String userSub, String friendlyName, byte[] secretCiphertext, Instant now, Instant expiresAt) {
        return getSession()
                .chain(session -> session.createNativeQuery(INSERT, FACTORS)
                        .setParameter("id", id)
                        .setParameter("sub", userSub)
                        .setParameter("name", friendlyName)
                        .setParameter("secret", secretCiphertext)
                        .setParameter("expiresAt", expiresAt)
                        .setParameter("now", now)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Records {@code step} as used and the factor as verified; false when the step is a replay or not allowed now. */
    public Uni<Boolean> acceptStep(UUID id, String userSub, long step, Instant now) {
        return getSession()
                .chain(session -> session.createNativeQuery(ACCEPT_STEP, UUID.class, FACTORS)
                        .setParameter("id", id)
                        .setParameter("sub", userSub)
                        .setParameter("step", step)
                        .setParameter("now", now)
                        .getSingleResultOrNull())
                .map(updated -> updated != null);
    }

    /**
     * Counts a failed verification. Answers true when this failure locked the factor, false when it only counted,
     * and null when the factor was already locked (or gone) so nothing changed.
     */
    public Uni<Boolean> recordFailure(UUID id, String userSub, Instant now, int maxFailures, Instant lockedUntil) {
        return getSession().chain(session -> session.createNativeQuery(RECORD_FAILURE, Boolean.class, FACTORS)
                .setParameter("id", id)
                .setParameter("sub", userSub)
                .setParameter("max", maxFailures)
                .setParameter("lockedUntil", lockedUntil)
                .setParameter("now", now)
                .getSingleResultOrNull());
    }

    /** Replaces the sealed secret (re-encryption under the primary key). */
    public Uni<Void> reseal(UUID id, byte[] secretCiphertext, Instant now) {
        return update("secretCiphertext = ?1, updatedAt = ?2 where id = ?3", secretCiphertext, now, id)
                .replaceWithVoid();
    }

    /** Deletes the user's factor; answers its status before deletion, or null when the user has no such factor. */
    public Uni<String> deleteOwned(UUID id, String userSub) {
        return getSession().chain(session -> session.createNativeQuery(
                        "delete from mfa_factors where id = :id and user_sub = :sub returning status",
                        String.class,
                        FACTORS)
                .setParameter("id", id)
                .setParameter("sub", userSub)
                .getSingleResultOrNull());
    }
}
