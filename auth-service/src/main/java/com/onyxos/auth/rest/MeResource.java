package com.onyxos.auth.rest;

import com.onyxos.auth.repository.AgencyRepository;
import com.onyxos.auth.repository.MfaFactorRepository;
import com.onyxos.auth.service.AgencyService;
import com.onyxos.common.problem.ProblemException;
import com.onyxos.common.security.Caller;
import com.onyxos.common.security.StepUp;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the caller is: subject, agencies with roles. */
@Path("/api/me")
@Authenticated
@Tag(name = "me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    static final String NEXT_STEP = "An agency of yours requires two-factor authentication: enroll a TOTP factor"
            + " (POST /api/user/mfa), then verify a code from your authenticator app (POST /api/user/mfa/verify)."
            + " Until then the agency's endpoints answer 403 mfa_enrollment_required.";

    private final AgencyService agencies;
    private final MfaFactorRepository factors;
    private final StepUp stepUp;
    private final JsonWebToken token;

    public MeResource(AgencyService agencies, MfaFactorRepository factors, StepUp stepUp, JsonWebToken token) {
        this.agencies = agencies;
        this.factors = factors;
        this.stepUp = stepUp;
        this.token = token;
    }

    @GET
    @Operation(summary = "The caller: subject, agency memberships and MFA state")
    public Uni<MeView> me() {
        // One after the other: the two repository reads share the request's reactive session.
        return agencies.membershipsOf(token.getSubject())
                .chain(memberships -> factors.countVerified(token.getSubject()).chain(verified -> stepUpSatisfied()
                        .map(satisfied -> new MeView(
                                token.getSubject(), memberships, mfaState(memberships, verified > 0, satisfied)))));
    }

    private MfaState mfaState(List<AgencyRepository.Membership> memberships, boolean enrolled, boolean satisfied) {
        List<UUID> requiredBy = memberships.stream()
                .filter(AgencyRepository.Membership::requireMfa)
                .map(AgencyRepository.Membership::id)
                .toList();
        boolean required =
                !requiredBy.isEmpty() && !enrolled && !Caller.of(token).providerVerifiedSecondFactor();
        return new MfaState(enrolled, satisfied, required, requiredBy, required ? NEXT_STEP : null);
    }

    private Uni<Boolean> stepUpSatisfied() {
        return stepUp.require(token)
                .replaceWith(true)
                .onFailure(ProblemException.class)
                .recoverWithItem(false);
    }

    /**
     * @param subject the caller's OIDC subject
     * @param agencies their agencies and roles
     * @param mfa their second-factor state
     */
    public record MeView(String subject, List<AgencyRepository.Membership> agencies, MfaState mfa) {}

    /**
     * @param enrolled the caller has a verified TOTP factor
     * @param stepUpSatisfied sensitive operations are allowed in this session now (no factor, a verified code in
     *     this session, or a second factor checked by the identity provider)
     * @param enrollmentRequired an agency of theirs requires a second factor they do not have yet
     * @param requiredBy the caller's agencies that require two-factor authentication
     * @param nextStep what to do, when enrollment is required
     */
    public record MfaState(
            boolean enrolled,
            boolean stepUpSatisfied,
            boolean enrollmentRequired,
            List<UUID> requiredBy,
            String nextStep) {}
}
