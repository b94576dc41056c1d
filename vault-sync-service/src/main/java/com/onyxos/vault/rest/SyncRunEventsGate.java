package com.onyxos.vault.rest;

import com.onyxos.common.problem.ProblemException;
import com.onyxos.common.security.Caller;
import com.onyxos.common.security.TenantResolver;
import com.onyxos.vault.repository.SyncRunRepository;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks that a run exists in the caller's agency before its event stream starts: once a server-sent event stream
 * has begun, a 404 can no longer be answered.
 */
public class SyncRunEventsGate {

    private final CurrentIdentityAssociation identity;
    private final TenantResolver tenants;
    private final SyncRunRepository runs;

    public SyncRunEventsGate(CurrentIdentityAssociation identity, TenantResolver tenants, SyncRunRepository runs) {
        this.identity = identity;
        this.tenants = tenants;
        this.runs = runs;
    }

    @ServerRequestFilter
    public Uni<Response> knownRun(ResourceInfo resource, ContainerRequestContext request) {
        if (resource.getResourceMethod() == null
                || !"events".equals(resource.getResourceMethod().getName())
                || resource.getResourceClass() != SyncRunResource.class) {
            return Uni.createFrom().nullItem();
        }
        UUID runId = parse(request.getUriInfo().getPathParameters().getFirst("id"));
        return identity.getDeferredIdentity()
                .chain(caller -> caller.isAnonymous()
                        ? Uni.createFrom().nullItem()
                        : tenants.resolve(
                                        caller.getPrincipal().getName(),
                                        request.getHeaderString(TenantResolver.HEADER),
                                        providerVerifiedSecondFactor(caller))
                                .chain(tenant -> runs.find(tenant.agencyId(), runId))
                                .onItem()
                                .ifNull()
                                .failWith(SyncRunEventsGate::notFound)
                                .replaceWith((Response) null));
    }

    // The same rule as every other endpoint's CurrentTenant: a second factor the provider checked for this token
    // satisfies an agency's two-factor policy, so the gate never refuses a caller the stream itself would serve.
    private static boolean providerVerifiedSecondFactor(SecurityIdentity caller) {
        return caller.getPrincipal() instanceof JsonWebToken token
                && Caller.of(token).providerVerifiedSecondFactor();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw notFound();
        }
    }

    private static ProblemException notFound() {
        return new ProblemException(404, "sync_run_not_found", "Sync run not found", "No such sync run.");
    }
}
