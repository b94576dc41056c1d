package com.onyxos.auth.repository;

import com.onyxos.auth.domain.MfaStep;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.reactive.common.AffectedEntities;

/** Step-up records: one per (user, session), refreshed by every successful verification in that session. */
@ApplicationScoped
@WithSession
public class MfaStepRepository implements PanacheRepositoryBase<MfaStep, UUID> {

    private static final String UPSERT = """
            insert into mfa_steps (user_sub, session_id, factor_id, method, verified_at, expires_at)
            values (:sub, :session, :factor, :method, :now, :expiresAt)
            on conflict (user_sub, session_id) do update
               set factor_id = excluded.factor_id, method = excluded.method,
                   verified_at = excluded.verified_at, expires_at = excluded.expires_at
            """;

    /**
     * Records that the user stepped up in the session.
     *
     * @param factorId the TOTP factor used, null for a recovery code
     * @param method {@code totp} or {@code recovery_code}
     */
    public Uni<Void> record(
            String userSub, String sessionId, UUID factorId, String method, Instant now, Instant expiresAt) {
        return getSession()
                .chain(session -> session.createNativeQuery(UPSERT, new AffectedEntities(MfaStep.class))
                        .setParameter("sub", userSub)
                        .setParameter("session", sessionId)
                        .setParameter("factor", factorId)
                        .setParameter("method", method)
                        .setParameter("now", now)
                        .setParameter("expiresAt", expiresAt)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
