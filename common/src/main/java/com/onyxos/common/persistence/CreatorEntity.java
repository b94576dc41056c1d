package com.onyxos.common.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;

/** A row of one creator of one agency; the schema guarantees the creator belongs to that agency. */
@MappedSuperclass
public abstract class CreatorEntity extends TenantEntity {

    @Column(name = "model_id", nullable = false, updatable = false)
    public UUID modelId;
}
