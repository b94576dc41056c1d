package com.onyxos.vault.rest;

import com.onyxos.common.security.Tenant;
import com.onyxos.common.security.TenantResolver;
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
        return resolver.resolve(token.getSubject(), headers.getHeaderString(TenantResolver.HEADER));
    }
}
