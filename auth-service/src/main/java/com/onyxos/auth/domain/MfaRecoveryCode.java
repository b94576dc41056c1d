package com.onyxos.auth.domain;

import com.onyxos.common.schema.ColumnTypes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A single-use recovery code, stored only as a hash. */
@Entity
@Table(name = "mfa_recovery_codes")
public class MfaRecoveryCode {

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "user_sub", nullable = false, updatable = false, columnDefinition = ColumnTypes.TEXT)
    public String userSub;

    @Column(name = "code_hash", nullable = false, updatable = false)
    public byte[] codeHash;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
