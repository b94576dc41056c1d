package com.onyxos.auth.domain;

import com.onyxos.common.schema.ColumnTypes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A user's TOTP factor: encrypted secret, replay guard (last used step) and lockout state. */
@Entity
@Table(name = "mfa_factors")
public class MfaFactor {

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "user_sub", nullable = false, updatable = false, columnDefinition = ColumnTypes.TEXT)
    public String userSub;

    @Column(name = "factor_type", nullable = false, updatable = false, columnDefinition = ColumnTypes.TEXT)
    public String factorType;

    @Column(name = "friendly_name", columnDefinition = ColumnTypes.TEXT)
    public String friendlyName;

    @Column(name = "secret_ciphertext", nullable = false)
    public byte[] secretCiphertext;

    /** {@code unverified} or {@code verified}. */
    @Column(nullable = false, columnDefinition = ColumnTypes.TEXT)
    public String status;

    @Column(name = "last_used_step")
    public Long lastUsedStep;

    @Column(name = "failed_attempts", nullable = false)
    public int failedAttempts;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
