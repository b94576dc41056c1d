package com.onyxos.auth.domain;

import com.onyxos.common.persistence.TenantEntity;
import com.onyxos.common.schema.ColumnTypes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A Fanvue OAuth grant of an agency (or of one creator, personally) with its encrypted token pair. */
@Entity
@Table(name = "agency_fanvue_connections")
public class FanvueConnection extends TenantEntity {

    /** {@code agency} or {@code personal}. */
    @Column(nullable = false, updatable = false, columnDefinition = ColumnTypes.TEXT)
    public String kind;

    @Column(name = "fanvue_user_id", nullable = false)
    public UUID fanvueUserId;

    @Column(name = "fanvue_handle", columnDefinition = ColumnTypes.TEXT)
    public String fanvueHandle;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = ColumnTypes.TEXT_ARRAY)
    public String[] scopes;

    @Column(name = "access_token_ciphertext")
    public byte[] accessTokenCiphertext;

    @Column(name = "refresh_token_ciphertext")
    public byte[] refreshTokenCiphertext;

    @Column(name = "token_expires_at")
    public Instant tokenExpiresAt;

    /** {@code active}, {@code refreshing}, {@code reauth_required} or {@code revoked}. */
    @Column(nullable = false, columnDefinition = ColumnTypes.TEXT)
    public String status;

    @Column(nullable = false)
    public long version;

    @Column(name = "refresh_lease_owner", columnDefinition = ColumnTypes.TEXT)
    public String refreshLeaseOwner;

    @Column(name = "refresh_lease_until")
    public Instant refreshLeaseUntil;

    @Column(name = "last_refreshed_at")
    public Instant lastRefreshedAt;

    @Column(name = "last_refresh_error", columnDefinition = ColumnTypes.TEXT)
    public String lastRefreshError;

    @Column(name = "connected_by", nullable = false, updatable = false, columnDefinition = ColumnTypes.TEXT)
    public String connectedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
