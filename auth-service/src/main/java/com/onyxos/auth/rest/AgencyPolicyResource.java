package com.onyxos.auth.rest;

import com.onyxos.auth.domain.Agency;
import com.onyxos.auth.repository.AgencyRepository;
import com.onyxos.auth.repository.MfaFactorRepository;
import com.onyxos.auth.service.AgencyService;
import com.onyxos.common.security.Caller;
import com.onyxos.common.security.CurrentTenant;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The agency's security policy: whether every member must use two-factor authentication. Members read it; admins
 * (with step-up, and a second factor of their own) change it.
 */
@Path("/api/agency/policy")
@Authenticated
@Tag(name = "agency-policy")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyPolicyResource {

    private final AgencyService agencies;
    private final AgencyRepository agencyRows;
    private final MfaFactorRepository factors;
    private final CurrentTenant tenant;
    private final StepUpGate stepUp;
    private final JsonWebToken token;

    public AgencyPolicyResource(
            AgencyService agencies,
            AgencyRepository agencyRows,
            MfaFactorRepository factors,
            CurrentTenant tenant,
            StepUpGate stepUp,
            JsonWebToken token) {
        this.agencies = agencies;
        this.agencyRows = agencyRows;
        this.factors = factors;
        this.tenant = tenant;
        this.stepUp = stepUp;
        this.token = token;
    }

    @GET
    @Operation(summary = "The agency's policy")
    public Uni<PolicyView> get() {
        return tenant.get().chain(t -> agencyRows.findById(t.agencyId())).map(PolicyView::of);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Changes the policy (admin, step-up): requireMfa shuts members without a second factor out"
                    + " of the agency until they enroll one (403 mfa_enrollment_required)")
    public Uni<PolicyView> put(@Valid @NotNull PolicyView policy) {
        return stepUp.admin()
                .chain(admin -> hasSecondFactor().chain(has -> agencies.requireMfa(admin, policy.requireMfa(), has)))
                .map(PolicyView::of);
    }

    private Uni<Boolean> hasSecondFactor() {
        if (Caller.of(token).providerVerifiedSecondFactor()) {
            return Uni.createFrom().item(true);
        }
        return factors.countVerified(token.getSubject()).map(count -> count > 0);
    }

    /** @param requireMfa every member must have a verified second factor */
    public record PolicyView(@NotNull Boolean requireMfa) {

        static PolicyView of(Agency agency) {
            return new PolicyView(agency.requireMfa);
        }
    }
}
