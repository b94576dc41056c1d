package com.onyxos.auth.rest;

import com.onyxos.auth.repository.FanvueConnectionRepository;
import com.onyxos.auth.repository.StoredConnection;
import com.onyxos.auth.service.FanvueConnectService;
import com.onyxos.common.problem.ProblemException;
import com.onyxos.common.security.CurrentTenant;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * Fanvue connections of the caller's agency: start an authorization, complete it, see the connections (never a
 * token), disconnect. Agency admins only, with step-up.
 */
@Path("/api/fanvue")
@Authenticated
@Tag(name = "fanvue-connections")
@Produces(MediaType.APPLICATION_JSON)
public class FanvueConnectionResource {

    private final FanvueConnectService connect;
    private final FanvueConnectionRepository connections;
    private final StepUpGate stepUp;
    private final CurrentTenant tenant;
    private final JsonWebToken token;

    public FanvueConnectionResource(
            FanvueConnectService connect,
            FanvueConnectionRepository connections,
            StepUpGate stepUp,
            CurrentTenant tenant,
            JsonWebToken token) {
        this.connect = connect;
        this.connections = connections;
        this.stepUp = stepUp;
        this.tenant = tenant;
        this.token = token;
    }

    @GET
    @Path("/connect")
    @Operation(summary = "The Fanvue authorization URL (PKCE) for the agency's account or a creator's own")
    public Uni<ConnectView> connect(
            @QueryParam("kind") @DefaultValue("agency") @Pattern(regexp = "agency|personal") String kind) {
        return stepUp.admin()
                .chain(admin -> connect.start(admin, kind))
                .map(start -> new ConnectView(start.authorizeUrl(), start.expiresAt()));
    }

    @GET
    @Path("/callback")
    @Operation(summary = "Completes an authorization with Fanvue's code and the state it echoed")
    public Uni<ConnectionView> callback(
            @QueryParam("code") @NotBlank @Size(max = 2048) String code,
            @QueryParam("state") @NotBlank @Size(max = 256) String state) {
        return connect.complete(token.getSubject(), code, state).map(ConnectionView::of);
    }

    @GET
    @Path("/connections")
    @Operation(summary = "The agency's Fanvue connections: status, scopes, expiry, last refresh; never a token")
    public Uni<List<ConnectionView>> list() {
        return tenant.admin()
                .chain(admin -> connections.listByAgency(admin.agencyId()))
                .map(list -> list.stream().map(ConnectionView::of).toList());
    }

    @DELETE
    @Path("/connections/{id}")
    @ResponseStatus(204)
    @Operation(summary = "Disconnects: the connection is revoked and its tokens erased")
    public Uni<Void> disconnect(@PathParam("id") UUID id) {
        return stepUp.admin()
                .chain(admin -> connections.revoke(admin.agencyId(), id))
                .invoke(revoked -> {
                    if (!revoked) {
                        throw new ProblemException(
                                404,
                                "connection_not_found",
                                "Connection not found",
                                "No such connection in this agency.");
                    }
                })
                .replaceWithVoid();
    }

    /**
     * @param authorizeUrl where to send the browser
     * @param expiresAt when this authorization stops being accepted
     */
    public record ConnectView(URI authorizeUrl, Instant expiresAt) {}

    /**
     * A connection as the dashboard shows it.
     *
     * @param id the connection
     * @param kind {@code agency} or {@code personal}
     * @param fanvueUserId the connected Fanvue user
     * @param fanvueHandle their handle
     * @param scopes what Fanvue granted
     * @param status {@code active}, {@code refreshing} or {@code reauth_required}
     * @param expiresAt when the current access token expires
     * @param lastRefreshedAt when tokens were last renewed
     * @param lastRefreshError why the last refresh failed, if it did
     * @param connectedBy who connected it
     * @param connectedAt when
     */
    public record ConnectionView(
            UUID id,
            String kind,
            UUID fanvueUserId,
            String fanvueHandle,
            List<String> scopes,
            String status,
            Instant expiresAt,
            Instant lastRefreshedAt,
            String lastRefreshError,
            String connectedBy,
            Instant connectedAt) {

        static ConnectionView of(StoredConnection c) {
            return new ConnectionView(
                    c.id(),
                    c.kind(),
                    c.fanvueUserId(),
                    c.fanvueHandle(),
                    c.scopes(),
                    c.status(),
                    c.tokenExpiresAt(),
                    c.lastRefreshedAt(),
                    c.lastRefreshError(),
                    c.connectedBy(),
                    c.createdAt());
        }
    }
}
