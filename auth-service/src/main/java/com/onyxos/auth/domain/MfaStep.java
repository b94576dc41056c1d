package com.onyxos.auth.domain;

import com.onyxos.common.schema.ColumnTypes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A step-up: the user verified a second factor in this session, until {@code expiresAt}. */
@Entity
@Table(name = "mfa_steps")
public class MfaStep {

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "user_sub", nullable = false, updatable = false, columnDefinition = ColumnTypes.TEXT)
    public String userSub;

    @Column(name = "session_id", nullable = false, updatable = false, columnDefinition = ColumnTypes.TEXT)
    public String sessionId;

    @Column(name = "factor_id")
    public UUID factorId;

    /** {@code totp} or {@code recovery_code}. */
    @Column(nullable = false, columnDefinition = ColumnTypes.TEXT)
    public String method;

    @Column(name = "verified_at", nullable = false)
    public Instant verifiedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
