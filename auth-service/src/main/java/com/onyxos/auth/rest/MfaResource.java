package com.onyxos.auth.rest;

import com.onyxos.auth.mapping.EnrollmentMapper;
import com.onyxos.auth.service.FactorList;
import com.onyxos.auth.service.MfaFactorService;
import com.onyxos.auth.service.MfaVerificationService;
import com.onyxos.auth.service.RecoveryCodeService;
import com.onyxos.common.security.Caller;
import com.onyxos.common.security.StepUp;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own TOTP factors: list, enroll, verify (step-up), recovery codes, unenroll. */
@Path("/api/user/mfa")
@Authenticated
@Tag(name = "mfa", description = "TOTP second factor and step-up of the calling user")
@Produces(MediaType.APPLICATION_JSON)
public class MfaResource {

    private static final String UUID_PATTERN =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final JsonWebToken token;
    private final MfaFactorService factors;
    private final MfaVerificationService verification;
    private final RecoveryCodeService recoveryCodes;
    private final StepUp stepUp;
    private final EnrollmentMapper enrollments;
    private final MfaResponses responses;

    public MfaResource(
            JsonWebToken token,
            MfaFactorService factors,
            MfaVerificationService verification,
            RecoveryCodeService recoveryCodes,
            StepUp stepUp,
            EnrollmentMapper enrollments,
            MfaResponses responses) {
        this.token = token;
        this.factors = factors;
        this.verification = verification;
        this.recoveryCodes = recoveryCodes;
        this.stepUp = stepUp;
        this.enrollments = enrollments;
        this.responses = responses;
    }

    @GET
    @Operation(summary = "The caller's factors (never a secret) and how many recovery codes are left")
    public Uni<FactorListResponse> list() {
        return factors.list(Callers.of(token).subject()).map(MfaResource::toListResponse);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enrolls a TOTP factor: secret, otpauth URI and QR code, shown this once (201)")
    public Uni<Response> enroll(@Valid EnrollRequest request) {
        Caller caller = Callers.of(token);
        String account = Callers.accountName(token);
        return factors.enroll(caller.subject(), friendlyName(request))
                .map(factor -> Response.status(Response.Status.CREATED)
                        .entity(enrollments.toResponse(factor, account))
                        .header(HttpHeaders.CACHE_CONTROL, MfaResponses.NO_STORE)
                        .build());
    }

    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verifies a code: marks the factor verified and steps up this session (200)")
    public Uni<Response> verify(@Valid @NotNull VerifyRequest request) {
        return verification
                .verify(Callers.of(token), request.factorId(), request.code())
                .map(responses::verification);
    }

    @POST
    @Path("/recovery")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Uses a single-use recovery code to step up this session (200)")
    public Uni<Response> recover(@Valid @NotNull RecoveryRequest request) {
        return recoveryCodes.redeem(Callers.of(token), request.code()).map(responses::recovery);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Removes a factor; needs step-up in this session (204)")
    public Uni<Response> delete(@PathParam("id") @Pattern(regexp = UUID_PATTERN) String id) {
        Caller caller = Callers.of(token);
        return stepUp.require(token)
                .chain(() -> factors.delete(caller.subject(), UUID.fromString(id)))
                .map(MfaResource::noContentOrNotFound);
    }

    private static Response noContentOrNotFound(boolean deleted) {
        if (!deleted) {
            throw MfaResponses.factorNotFound();
        }
        return Response.noContent().build();
    }

    private static String friendlyName(EnrollRequest request) {
        if (request == null
                || request.friendlyName() == null
                || request.friendlyName().isBlank()) {
            return null;
        }
        return request.friendlyName().strip();
    }

    private static FactorListResponse toListResponse(FactorList list) {
        return new FactorListResponse(
                list.factors().stream().map(FactorView::of).toList(), list.recoveryCodesRemaining());
    }
}
