package com.onyxos.auth.domain;

import com.onyxos.common.persistence.TenantEntity;
import com.onyxos.common.schema.ColumnTypes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A pending Fanvue authorization (PKCE): single use, bound to an agency and user, short-lived. */
@Entity
@Table(name = "fanvue_oauth_states")
public class OAuthState extends TenantEntity {

    @Column(name = "user_sub", nullable = false, updatable = false, columnDefinition = ColumnTypes.TEXT)
    public String userSub;

    @Column(nullable = false, updatable = false, columnDefinition = ColumnTypes.TEXT)
    public String kind;

    /** SHA-256 of the state value handed to the browser. */
    @Column(name = "state_hash", nullable = false, updatable = false)
    public byte[] stateHash;

    @Column(name = "code_verifier_ciphertext", nullable = false, updatable = false)
    public byte[] codeVerifierCiphertext;

    @Column(name = "redirect_uri", nullable = false, updatable = false, columnDefinition = ColumnTypes.TEXT)
    public String redirectUri;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, updatable = false, columnDefinition = ColumnTypes.TEXT_ARRAY)
    public String[] scopes;

    @Column(name = "expires_at", nullable = false, updatable = false)
    public Instant expiresAt;

    @Column(name = "consumed_at")
    public Instant consumedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
