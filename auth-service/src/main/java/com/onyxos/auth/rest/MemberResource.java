package com.onyxos.auth.rest;

import com.onyxos.auth.domain.AgencyMember;
import com.onyxos.auth.service.AgencyService;
import com.onyxos.common.security.CurrentTenant;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** The members of the caller's agency: anyone may list them; admins (with step-up) change them. */
@Path("/api/agency/members")
@Authenticated
@Tag(name = "members")
@Produces(MediaType.APPLICATION_JSON)
public class MemberResource {

    static final String ROLE = "admin|member";

    private final AgencyService agencies;
    private final CurrentTenant tenant;
    private final StepUpGate stepUp;

    public MemberResource(AgencyService agencies, CurrentTenant tenant, StepUpGate stepUp) {
        this.agencies = agencies;
        this.tenant = tenant;
        this.stepUp = stepUp;
    }

    @GET
    @Operation(summary = "Members of the agency")
    public Uni<List<MemberView>> list() {
        return tenant.get()
                .chain(agencies::members)
                .map(list -> list.stream().map(MemberResource::view).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Adds a member by OIDC subject (admin, step-up)")
    public Uni<MemberView> add(@Valid @NotNull NewMember request) {
        return stepUp.admin()
                .chain(t -> agencies.add(t, request.userSub(), request.role()))
                .map(MemberResource::view);
    }

    @PATCH
    @Path("/{userSub}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Changes a member's role (admin, step-up); an agency keeps one admin")
    public Uni<MemberView> changeRole(
            @PathParam("userSub") @Size(min = 1, max = 255) String userSub, @Valid @NotNull RoleChange request) {
        return stepUp.admin()
                .chain(t -> agencies.changeRole(t, userSub, request.role()))
                .map(MemberResource::view);
    }

    @DELETE
    @Path("/{userSub}")
    @ResponseStatus(204)
    @Operation(summary = "Removes a member (admin, step-up); an agency keeps one admin")
    public Uni<Void> remove(@PathParam("userSub") @Size(min = 1, max = 255) String userSub) {
        return stepUp.admin().chain(t -> agencies.remove(t, userSub));
    }

    private static MemberView view(AgencyMember member) {
        return new MemberView(member.userSub, member.role, member.addedBy, member.createdAt);
    }

    /**
     * @param userSub the OIDC subject of the user to add
     * @param role {@code admin} or {@code member}
     */
    public record NewMember(
            @NotBlank @Size(max = 255) String userSub,
            @NotNull @Pattern(regexp = ROLE) String role) {}

    /** @param role {@code admin} or {@code member} */
    public record RoleChange(
            @NotNull @Pattern(regexp = ROLE) String role) {}

    /**
     * @param userSub the member's OIDC subject
     * @param role their role
     * @param addedBy who added them
     * @param since when
     */
    public record MemberView(String userSub, String role, String addedBy, Instant since) {}
}
