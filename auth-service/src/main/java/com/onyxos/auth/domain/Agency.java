package com.onyxos.auth.domain;

import com.onyxos.common.schema.ColumnTypes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A tenant: an agency managing Fanvue creators. */
@Entity
@Table(name = "agencies")
public class Agency {

    @Id
    @GeneratedValue
    public UUID id;

    @Column(nullable = false, columnDefinition = ColumnTypes.TEXT)
    public String name;

    /** Every member must have a second factor (the agency's two-factor policy). */
    @Column(name = "require_mfa", nullable = false)
    public boolean requireMfa;

    @Column(name = "created_by", nullable = false, updatable = false, columnDefinition = ColumnTypes.TEXT)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
