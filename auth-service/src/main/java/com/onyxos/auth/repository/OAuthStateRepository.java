package com.onyxos.auth.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Pending Fanvue authorizations; consuming one is a single conditional update, so a state is used at most once. */
@ApplicationScoped
public class OAuthStateRepository {

    private final Pool pool;

    public OAuthStateRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> insert(PendingAuthorization state) {
        return pool.preparedQuery("insert into fanvue_oauth_states (id, agency_id, user_sub, kind, state_hash,"
                        + " code_verifier_ciphertext, redirect_uri, scopes, expires_at)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.tuple()
                        .addValue(state.id())
                        .addValue(state.agencyId())
                        .addValue(state.userSub())
                        .addValue(state.kind())
                        .addValue(StoredConnection.bytea(state.stateHash()))
                        .addValue(StoredConnection.bytea(state.codeVerifierCiphertext()))
                        .addValue(state.redirectUri())
                        .addValue(state.scopes().toArray(String[]::new))
                        .addValue(StoredConnection.utc(state.expiresAt())))
                .replaceWithVoid();
    }

    /**
     * Marks the state with this hash used and returns it; null when there is none or it was used already. Expiry
     * is the caller's to check, so an expired state is consumed too and can never be tried again.
     */
    public Uni<PendingAuthorization> consume(byte[] stateHash) {
        return pool.preparedQuery("update fanvue_oauth_states set consumed_at = now()"
                        + " where state_hash = $1 and consumed_at is null returning id, agency_id, user_sub, kind,"
                        + " state_hash, code_verifier_ciphertext, redirect_uri, scopes, expires_at")
                .execute(Tuple.of(StoredConnection.bytea(stateHash)))
                .map(rows -> rows.iterator().hasNext() ? from(rows.iterator().next()) : null);
    }

    /** Deletes states that expired before {@code before}. */
    public Uni<Integer> deleteExpired(Instant before) {
        return pool.preparedQuery("delete from fanvue_oauth_states where expires_at < $1")
                .execute(Tuple.of(StoredConnection.utc(before)))
                .map(rows -> rows.rowCount());
    }

    private static PendingAuthorization from(Row row) {
        return new PendingAuthorization(
                row.getUUID("id"),
                row.getUUID("agency_id"),
                row.getString("user_sub"),
                row.getString("kind"),
                row.getBuffer("state_hash").getBytes(),
                row.getBuffer("code_verifier_ciphertext").getBytes(),
                row.getString("redirect_uri"),
                Arrays.asList(row.getArrayOfStrings("scopes")),
                row.getOffsetDateTime("expires_at").toInstant());
    }

    /** One authorization request: who started it for which agency, and its sealed PKCE verifier. */
    public record PendingAuthorization(
            UUID id,
            UUID agencyId,
            String userSub,
            String kind,
            byte[] stateHash,
            byte[] codeVerifierCiphertext,
            String redirectUri,
            List<String> scopes,
            Instant expiresAt) {}
}
