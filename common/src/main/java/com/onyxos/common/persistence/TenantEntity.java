package com.onyxos.common.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;

/** A row that belongs to one agency: every query on it is scoped by {@code agencyId}. */
@MappedSuperclass
public abstract class TenantEntity {

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "agency_id", nullable = false, updatable = false)
    public UUID agencyId;
}
