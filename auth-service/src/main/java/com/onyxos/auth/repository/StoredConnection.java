package com.onyxos.auth.repository;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A row of {@code agency_fanvue_connections} as the broker reads it; its token columns are ciphertexts.
 * {@link #toString()} leaves them out.
 *
 * @param presentedAt when the lease holder presented the refresh token without storing the answer yet (the
 *     database's value, compared exactly when the holder stores), or null
 */
public record StoredConnection(
        UUID id,
        UUID agencyId,
        String kind,
        UUID fanvueUserId,
        String fanvueHandle,
        List<String> scopes,
        byte[] accessTokenCiphertext,
        byte[] refreshTokenCiphertext,
        Instant tokenIssuedAt,
        Instant tokenExpiresAt,
        String status,
        long version,
        String leaseOwner,
        Instant leaseUntil,
        java.time.OffsetDateTime presentedAt,
        Instant lastRefreshedAt,
        String lastRefreshError,
        String connectedBy,
        Instant createdAt) {

    /** Columns in the order {@link #from(Row)} reads them. */
    static final String COLUMNS = "id, agency_id, kind, fanvue_user_id, fanvue_handle, scopes, access_token_ciphertext,"
            + " refresh_token_ciphertext, token_issued_at, token_expires_at, status, version, refresh_lease_owner,"
            + " refresh_lease_until, refresh_presented_at, last_refreshed_at, last_refresh_error, connected_by,"
            + " created_at";

    static StoredConnection from(Row row) {
        String[] scopes = row.getArrayOfStrings("scopes");
        return new StoredConnection(
                row.getUUID("id"),
                row.getUUID("agency_id"),
                row.getString("kind"),
                row.getUUID("fanvue_user_id"),
                row.getString("fanvue_handle"),
                scopes == null ? List.of() : Arrays.asList(scopes),
                bytes(row, "access_token_ciphertext"),
                bytes(row, "refresh_token_ciphertext"),
                instant(row, "token_issued_at"),
                instant(row, "token_expires_at"),
                row.getString("status"),
                row.getLong("version"),
                row.getString("refresh_lease_owner"),
                instant(row, "refresh_lease_until"),
                row.getOffsetDateTime("refresh_presented_at"),
                instant(row, "last_refreshed_at"),
                row.getString("last_refresh_error"),
                row.getString("connected_by"),
                instant(row, "created_at"));
    }

    private static byte[] bytes(Row row, String column) {
        var buffer = row.getBuffer(column);
        return buffer == null ? null : buffer.getBytes();
    }

    private static Instant instant(Row row, String column) {
        var value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    /** A bytea parameter (the pool encodes Vert.x core buffers, not Mutiny ones); null stays null. */
    static io.vertx.core.buffer.Buffer bytea(byte[] value) {
        return value == null ? null : io.vertx.core.buffer.Buffer.buffer(value);
    }

    static java.time.OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public String toString() {
        return "StoredConnection[id=" + id + ", agency=" + agencyId + ", kind=" + kind + ", status=" + status
                + ", version=" + version + ", expires=" + tokenExpiresAt + "]";
    }
}
