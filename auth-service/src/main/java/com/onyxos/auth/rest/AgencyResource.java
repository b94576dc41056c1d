package com.onyxos.auth.rest;

import com.onyxos.auth.repository.AgencyRepository;
import com.onyxos.auth.service.AgencyService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Agencies: create one (its creator becomes admin) and list one's own. */
@Path("/api/agencies")
@Authenticated
@Tag(name = "agencies")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyResource {

    private final AgencyService agencies;
    private final JsonWebToken token;

    public AgencyResource(AgencyService agencies, JsonWebToken token) {
        this.agencies = agencies;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Creates an agency; the caller becomes its admin")
    public Uni<AgencyView> create(@Valid @NotNull NewAgency request) {
        return agencies.create(token.getSubject(), request.name())
                .map(agency -> new AgencyView(agency.id, agency.name, "admin"));
    }

    @GET
    @Operation(summary = "The agencies the caller belongs to, with their role")
    public Uni<List<AgencyView>> mine() {
        return agencies.membershipsOf(token.getSubject())
                .map(list -> list.stream().map(AgencyResource::view).toList());
    }

    private static AgencyView view(AgencyRepository.Membership membership) {
        return new AgencyView(membership.id(), membership.name(), membership.role());
    }

    /** @param name the agency's name */
    public record NewAgency(@NotBlank @Size(max = 200) String name) {}

    /**
     * @param id the agency
     * @param name its name
     * @param role the caller's role: {@code admin} or {@code member}
     */
    public record AgencyView(UUID id, String name, String role) {}
}
