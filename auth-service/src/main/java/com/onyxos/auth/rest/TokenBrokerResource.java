package com.onyxos.auth.rest;

import com.onyxos.auth.service.FanvueTokenBroker;
import com.onyxos.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The internal token broker: our services get Fanvue access tokens here, never refresh tokens. Services only. */
@Path("/internal/v1/fanvue-tokens")
@RolesAllowed(Roles.SERVICE)
@Tag(name = "internal")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokenBrokerResource {

    private final FanvueTokenBroker broker;

    public TokenBrokerResource(FanvueTokenBroker broker) {
        this.broker = broker;
    }

    @POST
    @Operation(summary = "A usable Fanvue access token for an agency's creator (agency connection, else personal)")
    public Uni<TokenView> token(@Valid @NotNull TokenRequest request) {
        return broker.token(
                        request.agencyId(),
                        request.creatorId(),
                        request.rejectedAccessToken(),
                        "personal".equals(request.source()))
                .map(token ->
                        new TokenView(token.accessToken(), token.expiresAt(), token.source(), token.fanvueUserId()));
    }

    /**
     * @param agencyId the agency
     * @param creatorId the creator ({@code models.id}); null for agency-wide reads
     * @param rejectedAccessToken a token Fanvue just answered 401 to: a newer one is needed
     * @param source {@code personal}: only the creator's personal connection (for a creator the agency connection
     *     does not manage); absent: the agency connection first, the personal one as fallback
     */
    public record TokenRequest(
            @NotNull UUID agencyId,
            UUID creatorId,
            @Size(max = 4096) String rejectedAccessToken,
            @Pattern(regexp = "personal") String source) {
        @Override
        public String toString() {
            return "TokenRequest[agency=" + agencyId + ", creator=" + creatorId + "]";
        }
    }

    /**
     * @param accessToken the bearer token for Fanvue
     * @param expiresAt when it expires
     * @param source {@code agency} or {@code personal}
     * @param fanvueUserId the Fanvue user the token acts as (Fanvue's rate buckets are per user); with
     *     {@code personal} the creator reads their own data through self paths
     */
    public record TokenView(String accessToken, Instant expiresAt, String source, UUID fanvueUserId) {
        @Override
        public String toString() {
            return "TokenView[source=" + source + ", expiresAt=" + expiresAt + "]";
        }
    }
}
