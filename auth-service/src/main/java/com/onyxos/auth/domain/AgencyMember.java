package com.onyxos.auth.domain;

import com.onyxos.common.persistence.TenantEntity;
import com.onyxos.common.schema.ColumnTypes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's membership of an agency, with their agency role ({@code admin} or {@code member}). */
@Entity
@Table(name = "agency_members")
public class AgencyMember extends TenantEntity {

    @Column(name = "user_sub", nullable = false, updatable = false, columnDefinition = ColumnTypes.TEXT)
    public String userSub;

    @Column(nullable = false, columnDefinition = ColumnTypes.TEXT)
    public String role;

    @Column(name = "added_by", nullable = false, updatable = false, columnDefinition = ColumnTypes.TEXT)
    public String addedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
