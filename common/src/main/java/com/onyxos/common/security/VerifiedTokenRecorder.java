package com.onyxos.common.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records in {@link VerifiedTokens} the identity of every bearer token OIDC has just verified. Augmentors run only
 * after a provider authenticated the request, so a token that failed any check is never recorded. Runs before any
 * other augmentor, so what is kept is OIDC's identity as built (later augmentors run again on every cached hit).
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    private final VerifiedTokens verified;

    public VerifiedTokenRecorder(VerifiedTokens verified) {
        this.verified = verified;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        verified.remember(identity);
        return Uni.createFrom().item(identity);
    }
}
