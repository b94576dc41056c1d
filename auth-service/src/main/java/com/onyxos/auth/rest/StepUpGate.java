package com.onyxos.auth.rest;

import com.onyxos.common.security.CurrentTenant;
import com.onyxos.common.security.StepUp;
import com.onyxos.common.security.Tenant;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The gate of sensitive operations: the caller must be an admin of the request's agency and, when they have a
 * verified second factor, must have stepped up in this session.
 */
@RequestScoped
public class StepUpGate {

    private final CurrentTenant tenant;
    private final StepUp stepUp;
    private final JsonWebToken token;

    public StepUpGate(CurrentTenant tenant, StepUp stepUp, JsonWebToken token) {
        this.tenant = tenant;
        this.stepUp = stepUp;
        this.token = token;
    }

    /** The tenant, once the caller is known to be an admin who passed step-up. */
    public Uni<Tenant> admin() {
        return tenant.admin().call(() -> stepUp.require(token));
    }
}
