package com.onyxos.auth.rest;

import com.onyxos.auth.repository.AgencyRepository;
import com.onyxos.auth.service.AgencyService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the caller is: subject, agencies with roles. */
@Path("/api/me")
@Authenticated
@Tag(name = "me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final AgencyService agencies;
    private final JsonWebToken token;

    public MeResource(AgencyService agencies, JsonWebToken token) {
        this.agencies = agencies;
        this.token = token;
    }

    @GET
    @Operation(summary = "The caller: subject and agency memberships")
    public Uni<MeView> me() {
        return agencies.membershipsOf(token.getSubject())
                .map(memberships -> new MeView(token.getSubject(), memberships));
    }

    /**
     * @param subject the caller's OIDC subject
     * @param agencies their agencies and roles
     */
    public record MeView(String subject, List<AgencyRepository.Membership> agencies) {}
}
