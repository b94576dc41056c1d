package com.onyxos.common.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Asked before OIDC's own provider: answers a bearer token OIDC verified before (and that has not expired) with its
 * identity from {@link VerifiedTokens}; for any other token it answers nothing, and Quarkus asks OIDC, which checks
 * it in full.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final VerifiedTokens verified;

    public CachedTokenIdentityProvider(VerifiedTokens verified) {
        this.verified = verified;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        // Asked before OIDC's provider (which keeps the default, SYSTEM_FIRST + 1): a null answer passes the
        // request on to it.
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof AccessTokenCredential token)) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom()
                .item(verified.find(token.getToken(), HttpSecurityUtils.getRoutingContextAttribute(request)));
    }
}
