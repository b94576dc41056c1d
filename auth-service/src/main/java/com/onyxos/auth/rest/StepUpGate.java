package com.onyxos.auth.rest;

import com.onyxos.common.security.Tenant;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;

/**
 * The gate of sensitive operations: the caller must be an admin of the request's agency and, when they have a
 * verified second factor, must have stepped up in this session.
 */
@RequestScoped
public class StepUpGate {

    private final CurrentTenant tenant;

    public StepUpGate(CurrentTenant tenant) {
        this.tenant = tenant;
    }

    /** The tenant, once the caller is known to be an admin who passed step-up. */
    public Uni<Tenant> admin() {
        return tenant.admin();
    }
}
