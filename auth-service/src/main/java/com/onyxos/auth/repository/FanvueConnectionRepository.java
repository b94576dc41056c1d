package com.onyxos.auth.repository;

import com.onyxos.common.run.RunLeases;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fanvue connections, through the reactive pool: the broker's conditional updates (lease, fenced store, reauth) are
 * single statements whose {@code WHERE} is the concurrency control, which an ORM would only obscure.
 */
@ApplicationScoped
public class FanvueConnectionRepository {

    private static final String SELECT = "select " + StoredConnection.COLUMNS + " from agency_fanvue_connections";
    private static final String LIVE = "status in ('active', 'refreshing')";

    private final Pool pool;

    public FanvueConnectionRepository(Pool pool) {
        this.pool = pool;
    }

    /** The agency's usable connection of its own Fanvue account, or null. */
    public Uni<StoredConnection> findAgencyConnection(UUID agencyId) {
        return one(SELECT + " where agency_id = $1 and kind = 'agency' and " + LIVE, Tuple.of(agencyId));
    }

    /** A creator's usable personal connection within the agency, or null. */
    public Uni<StoredConnection> findPersonalConnection(UUID agencyId, UUID fanvueUserId) {
        return one(
                SELECT + " where agency_id = $1 and kind = 'personal' and fanvue_user_id = $2 and " + LIVE,
                Tuple.of(agencyId, fanvueUserId));
    }

    public Uni<StoredConnection> findById(UUID id) {
        return one(SELECT + " where id = $1", Tuple.of(id));
    }

    /** Every connection of the agency but revoked ones, newest first. */
    public Uni<List<StoredConnection>> listByAgency(UUID agencyId) {
        return many(
                SELECT + " where agency_id = $1 and status <> 'revoked' order by created_at desc, id",
                Tuple.of(agencyId));
    }

    /** Active connections whose access token expires before {@code before} and that nobody is refreshing. */
    public Uni<List<StoredConnection>> expiringBefore(Instant before) {
        return many(
                SELECT + " where " + LIVE + " and token_expires_at < $1"
                        + " and (refresh_lease_until is null or refresh_lease_until < now()) order by token_expires_at",
                Tuple.of(StoredConnection.utc(before)));
    }

    /**
     * Stores a new connection, revoking the live one it replaces (same agency account, or same creator's personal
     * account) in the same transaction.
     */
    public Uni<StoredConnection> replaceLive(NewConnection connection) {
        return pool.withTransaction(
                client -> revokeReplaced(client, connection).chain(() -> insert(client, connection)));
    }

    /**
     * Takes the refresh lease of a connection unless a live holder has it; returns the row as it is now (the caller
     * re-checks it: someone may have refreshed meanwhile), or null when the lease is taken. A holder is live while its
     * process's run-lease lock session is held and its lease has not run out; a holder that seems dead while its
     * refresh token is presented (it may only have lost its database session) is left to {@link #takeOver}.
     */
    public Uni<StoredConnection> tryLease(UUID id, String owner, Duration lease) {
        return one(
                "update agency_fanvue_connections c set refresh_lease_owner = $2,"
                        + " refresh_lease_until = now() + $3::bigint * interval '1 millisecond', status = 'refreshing',"
                        + " updated_at = now() where id = $1 and " + LIVE
                        + " and (refresh_lease_owner is null or refresh_lease_until < now()"
                        + " or (refresh_presented_at is null and not " + RunLeases.lockHeld("c.refresh_lease_owner")
                        + ")) returning " + StoredConnection.COLUMNS,
                Tuple.of(id, owner, lease.toMillis()));
    }

    /** The connection and how its refresh lease looks to a waiter (one statement); null when it is gone. */
    public Uni<LeaseView> leaseView(UUID id, Duration presentationTimeout) {
        return pool.preparedQuery("select " + StoredConnection.COLUMNS + ", "
                        + RunLeases.lockHeld("c.refresh_lease_owner") + " as holder_alive,"
                        + " coalesce(c.refresh_lease_until < now(), false) as lease_over,"
                        + " coalesce(c.refresh_presented_at < now() - $2::bigint * interval '1 millisecond', false)"
                        + " as presentation_over from agency_fanvue_connections c where id = $1")
                .execute(Tuple.of(id, presentationTimeout.toMillis()))
                .map(rows -> {
                    var iterator = rows.iterator();
                    if (!iterator.hasNext()) {
                        return null;
                    }
                    var row = iterator.next();
                    return new LeaseView(
                            StoredConnection.from(row),
                            row.getBoolean("holder_alive"),
                            row.getBoolean("lease_over"),
                            row.getBoolean("presentation_over"));
                });
    }

    /** Takes the lease from {@code holder}, whom the caller found dead; null when someone else moved first. */
    public Uni<StoredConnection> takeOver(UUID id, String holder, String owner, Duration lease) {
        return one(
                "update agency_fanvue_connections set refresh_lease_owner = $3,"
                        + " refresh_lease_until = now() + $4::bigint * interval '1 millisecond', status = 'refreshing',"
                        + " updated_at = now() where id = $1 and refresh_lease_owner = $2 and " + LIVE
                        + " returning " + StoredConnection.COLUMNS,
                Tuple.of(id, holder, owner, lease.toMillis()));
    }

    /**
     * Records, before the refresh token is sent, that the holder presents it now; answers the instant (the holder's
     * fence when it stores), or null when the lease is no longer {@code owner}'s or the row moved on.
     */
    public Uni<java.time.OffsetDateTime> markPresented(UUID id, String owner, long version) {
        return pool.preparedQuery("update agency_fanvue_connections set refresh_presented_at = now()"
                        + " where id = $1 and refresh_lease_owner = $2 and version = $3 and " + LIVE
                        + " returning refresh_presented_at")
                .execute(Tuple.of(id, owner, version))
                .map(rows -> rows.iterator().hasNext()
                        ? rows.iterator().next().getOffsetDateTime("refresh_presented_at")
                        : null);
    }

    /**
     * Stores a refreshed token pair with {@code version + 1} and ends the lease, only if the row is still at
     * {@code version} and still shows this holder's presentation (fencing: not the lease owner, which may have moved
     * to a waiter who took this holder for dead while it only lost its database session). A null refresh ciphertext
     * keeps the stored one. Returns the stored row or null.
     */
    public Uni<StoredConnection> storeRefreshed(
            UUID id, long version, java.time.OffsetDateTime presentedAt, RefreshedTokens tokens) {
        return one(
                "update agency_fanvue_connections set access_token_ciphertext = $4,"
                        + " refresh_token_ciphertext = coalesce($5, refresh_token_ciphertext), token_expires_at = $6,"
                        + " token_issued_at = $7, scopes = coalesce($8, scopes), version = version + 1,"
                        + " status = 'active', refresh_lease_owner = null, refresh_lease_until = null,"
                        + " refresh_presented_at = null, last_refreshed_at = now(), last_refresh_error = null,"
                        + " updated_at = now() where id = $1 and version = $2 and refresh_presented_at = $3 and "
                        + LIVE + " returning " + StoredConnection.COLUMNS,
                Tuple.tuple()
                        .addValue(id)
                        .addValue(version)
                        .addValue(presentedAt)
                        .addValue(StoredConnection.bytea(tokens.accessCiphertext()))
                        .addValue(StoredConnection.bytea(tokens.refreshCiphertext()))
                        .addValue(StoredConnection.utc(tokens.expiresAt()))
                        .addValue(StoredConnection.utc(tokens.issuedAt()))
                        .addValue(
                                tokens.scopes() == null ? null : tokens.scopes().toArray(String[]::new)));
    }

    /**
     * Marks the connection as needing a new authorization; the lease ends. Fenced on the lease, or on the caller's
     * presentation (a waiter may have taken the lease while our answer was on its way).
     */
    public Uni<StoredConnection> markReauthRequired(
            UUID id, String owner, java.time.OffsetDateTime presentedAt, String reason) {
        return one(
                "update agency_fanvue_connections set status = 'reauth_required', last_refresh_error = $3,"
                        + " refresh_lease_owner = null, refresh_lease_until = null, refresh_presented_at = null,"
                        + " updated_at = now() where id = $1 and (refresh_lease_owner = $2 or refresh_presented_at = $4)"
                        + " returning " + StoredConnection.COLUMNS,
                Tuple.of(id, owner, reason, presentedAt));
    }

    /** Marks a live connection whose stored tokens cannot be decrypted as needing a new authorization. */
    public Uni<Void> markUnreadable(UUID id, String reason) {
        return pool.preparedQuery("update agency_fanvue_connections set status = 'reauth_required',"
                        + " last_refresh_error = $2, refresh_lease_owner = null, refresh_lease_until = null, refresh_presented_at = null,"
                        + " updated_at = now() where id = $1 and " + LIVE)
                .execute(Tuple.of(id, reason))
                .replaceWithVoid();
    }

    /** Ends the lease without new tokens, recording why (Fanvue unreachable, answer lost); fenced as above. */
    public Uni<Void> releaseLease(UUID id, String owner, java.time.OffsetDateTime presentedAt, String error) {
        return pool.preparedQuery(
                        "update agency_fanvue_connections set status = 'active', last_refresh_error = $3,"
                                + " refresh_lease_owner = null, refresh_lease_until = null, refresh_presented_at = null,"
                                + " updated_at = now() where id = $1 and (refresh_lease_owner = $2 or refresh_presented_at = $4)")
                .execute(Tuple.of(id, owner, error, presentedAt))
                .replaceWithVoid();
    }

    /** Revokes a connection of the agency and forgets its tokens; false when there is none. */
    public Uni<Boolean> revoke(UUID agencyId, UUID id) {
        return pool.preparedQuery("update agency_fanvue_connections set status = 'revoked',"
                        + " access_token_ciphertext = null, refresh_token_ciphertext = null,"
                        + " refresh_lease_owner = null, refresh_lease_until = null, refresh_presented_at = null, updated_at = now()"
                        + " where id = $1 and agency_id = $2 and status <> 'revoked'")
                .execute(Tuple.of(id, agencyId))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Re-encrypted ciphertexts, stored only if the row did not change since it was read. */
    public Uni<Boolean> replaceCiphertexts(UUID id, long version, byte[] access, byte[] refresh) {
        return pool.preparedQuery("update agency_fanvue_connections set access_token_ciphertext = $3,"
                        + " refresh_token_ciphertext = $4, updated_at = now() where id = $1 and version = $2"
                        + " and access_token_ciphertext is not null")
                .execute(Tuple.of(id, version, StoredConnection.bytea(access), StoredConnection.bytea(refresh)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Connections holding ciphertexts, in id order after {@code after} (batches of re-encryption). */
    public Uni<List<StoredConnection>> withCiphertextsAfter(UUID after, int limit) {
        return many(
                SELECT + " where access_token_ciphertext is not null and id > $1 order by id limit $2",
                Tuple.of(after, limit));
    }

    private Uni<Void> revokeReplaced(SqlClient client, NewConnection connection) {
        boolean agencyAccount = "agency".equals(connection.kind());
        String sameAccount = agencyAccount ? "kind = 'agency'" : "kind = 'personal' and fanvue_user_id = $2";
        Tuple parameters = agencyAccount
                ? Tuple.of(connection.agencyId())
                : Tuple.of(connection.agencyId(), connection.fanvueUserId());
        return client.preparedQuery("update agency_fanvue_connections set status = 'revoked',"
                        + " access_token_ciphertext = null, refresh_token_ciphertext = null,"
                        + " refresh_lease_owner = null, refresh_lease_until = null, refresh_presented_at = null, updated_at = now()"
                        + " where agency_id = $1 and status <> 'revoked' and " + sameAccount)
                .execute(parameters)
                .replaceWithVoid();
    }

    private Uni<StoredConnection> insert(SqlClient client, NewConnection c) {
        return client.preparedQuery("insert into agency_fanvue_connections (id, agency_id, kind, fanvue_user_id,"
                        + " fanvue_handle, scopes, access_token_ciphertext, refresh_token_ciphertext,"
                        + " token_issued_at, token_expires_at, status, connected_by, last_refreshed_at)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'active', $11, now()) returning "
                        + StoredConnection.COLUMNS)
                .execute(Tuple.tuple()
                        .addValue(c.id())
                        .addValue(c.agencyId())
                        .addValue(c.kind())
                        .addValue(c.fanvueUserId())
                        .addValue(c.fanvueHandle())
                        .addValue(c.scopes().toArray(String[]::new))
                        .addValue(StoredConnection.bytea(c.accessCiphertext()))
                        .addValue(StoredConnection.bytea(c.refreshCiphertext()))
                        .addValue(StoredConnection.utc(c.issuedAt()))
                        .addValue(StoredConnection.utc(c.expiresAt()))
                        .addValue(c.connectedBy()))
                .map(rows -> StoredConnection.from(rows.iterator().next()));
    }

    private Uni<StoredConnection> one(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters).map(FanvueConnectionRepository::first);
    }

    private Uni<List<StoredConnection>> many(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters).map(rows -> {
            List<StoredConnection> list = new ArrayList<>();
            rows.forEach(row -> list.add(StoredConnection.from(row)));
            return list;
        });
    }

    private static StoredConnection first(RowSet<io.vertx.mutiny.sqlclient.Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? StoredConnection.from(iterator.next()) : null;
    }

    /** A connection to store after a completed authorization; ciphertexts sealed for {@code id}. */
    public record NewConnection(
            UUID id,
            UUID agencyId,
            String kind,
            UUID fanvueUserId,
            String fanvueHandle,
            List<String> scopes,
            byte[] accessCiphertext,
            byte[] refreshCiphertext,
            Instant issuedAt,
            Instant expiresAt,
            String connectedBy) {}

    /** A refreshed token pair, sealed; a null refresh ciphertext keeps the stored one, null scopes too. */
    public record RefreshedTokens(
            byte[] accessCiphertext,
            byte[] refreshCiphertext,
            Instant issuedAt,
            Instant expiresAt,
            List<String> scopes) {}

    /**
     * A connection's refresh lease as a waiter sees it.
     *
     * @param holderAlive the holder's process holds its lock session
     * @param leaseOver the lease ran out (a frozen holder)
     * @param presentationOver the holder presented the refresh token longer ago than a token call can take
     */
    public record LeaseView(
            StoredConnection connection, boolean holderAlive, boolean leaseOver, boolean presentationOver) {}
}
