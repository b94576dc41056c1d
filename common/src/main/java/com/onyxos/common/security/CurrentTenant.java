package com.onyxos.common.security;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The tenant of the current request: the caller's agency, named by header or implied by a single membership. */
@RequestScoped
public class CurrentTenant {

    private final TenantResolver resolver;
    private final JsonWebToken token;
    private final HttpHeaders headers;

    public CurrentTenant(TenantResolver resolver, JsonWebToken token, HttpHeaders headers) {
        this.resolver = resolver;
        this.token = token;
        this.headers = headers;
    }

    public Uni<Tenant> get() {
        return resolver.resolve(
                token.getSubject(),
                headers.getHeaderString(TenantResolver.HEADER),
                Caller.of(token).providerVerifiedSecondFactor());
    }

    /** The tenant, when the caller is an agency admin there. */
    public Uni<Tenant> admin() {
        return get().map(Tenant::requireAdmin);
    }
}
