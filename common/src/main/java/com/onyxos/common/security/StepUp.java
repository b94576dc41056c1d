package com.onyxos.common.security;

import com.onyxos.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Guards sensitive operations with MFA step-up. A caller passes when they have no verified factor, when their
 * identity provider already checked a second factor ({@link Caller#providerVerifiedSecondFactor()}), or when they
 * verified a code in this session (a live {@code mfa_steps} row written by auth-service). Reads through the reactive
 * {@link Pool} with one query, so any service can use it without mapping auth-service's entities and without joining
 * (or disturbing) the caller's Hibernate session.
 */
@ApplicationScoped
public class StepUp {

    /** Problem code of the 403 a caller without step-up gets. */
    public static final String REQUIRED_CODE = "mfa_step_up_required";

    private static final int MAX_SESSION_ID_LENGTH = 255;

    private static final String QUERY = """
            select exists (select 1 from mfa_factors where user_sub = $1 and status = 'verified') as enrolled,
                   exists (select 1 from mfa_steps
                           where user_sub = $1 and session_id = $2 and expires_at > $3) as stepped_up
            """;

    private final Pool pool;
    private final Clock clock;

    public StepUp(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /**
     * Completes when the caller of {@code token} may perform a sensitive operation now; otherwise fails with a 403
     * {@link ProblemException} of code {@value #REQUIRED_CODE}.
     */
    public Uni<Void> require(JsonWebToken token) {
        Caller caller = Caller.of(token);
        if (caller.subject() == null || caller.subject().isBlank()) {
            return Uni.createFrom()
                    .failure(new ProblemException(
                            401, "unauthenticated", "Unauthorized", "A valid bearer token is required."));
        }
        if (caller.providerVerifiedSecondFactor()) {
            return Uni.createFrom().voidItem();
        }
        Tuple params =
                Tuple.of(caller.subject(), sessionKey(caller), clock.instant().atOffset(ZoneOffset.UTC));
        return pool.preparedQuery(QUERY)
                .execute(params)
                .map(rows -> rows.iterator().next())
                .chain(StepUp::decide);
    }

    /**
     * The {@code mfa_steps.session_id} of the caller's session: the session id itself, or a hash of it when it is
     * longer than the column allows.
     */
    public static String sessionKey(Caller caller) {
        String session = caller.sessionId();
        if (session.length() <= MAX_SESSION_ID_LENGTH) {
            return session;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(session.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static Uni<Void> decide(Row row) {
        if (!row.getBoolean("enrolled") || row.getBoolean("stepped_up")) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom()
                .failure(new ProblemException(
                        403,
                        REQUIRED_CODE,
                        "Step-up required",
                        "Verify a code from your authenticator app (or a recovery code) in this session first."));
    }
}
