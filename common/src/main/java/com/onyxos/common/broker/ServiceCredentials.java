package com.onyxos.common.broker;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.oidc.client.runtime.TokensHelper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The bearer token this service presents to the token broker. With client credentials the token is requested once,
 * shared by every caller (one request in flight at a time) and replaced when less than
 * {@code quarkus.oidc-client.refresh-token-time-skew} of its life is left — Quarkus's {@link TokensHelper}, the same
 * cache the REST client's OIDC filter uses; with a static token it is the configured value.
 */
@ApplicationScoped
public class ServiceCredentials {

    private final ServiceCredentialsConfig config;
    private final OidcClient oidcClient;
    private final TokensHelper tokens = new TokensHelper();

    public ServiceCredentials(ServiceCredentialsConfig config, OidcClient oidcClient) {
        this.config = config;
        this.oidcClient = oidcClient;
    }

    /** The token to send now. */
    public Uni<String> bearer() {
        if (config.method() == ServiceCredentialsConfig.Method.STATIC_TOKEN) {
            return Uni.createFrom().item(this::staticToken);
        }
        return tokens.getTokens(oidcClient).map(Tokens::getAccessToken);
    }

    /**
     * A token to send after the broker refused the last one (revoked, or signed with a key the provider rotated):
     * a new grant, whatever the cached token's expiry says. A static token cannot be renewed.
     */
    public Uni<String> renewedBearer() {
        if (config.method() == ServiceCredentialsConfig.Method.STATIC_TOKEN) {
            return Uni.createFrom().item(this::staticToken);
        }
        return tokens.getTokens(oidcClient, Map.of(), true).map(Tokens::getAccessToken);
    }

    /** Whether a renewal can give another token than the one refused. */
    public boolean renewable() {
        return config.method() == ServiceCredentialsConfig.Method.CLIENT_CREDENTIALS;
    }

    private String staticToken() {
        return config.token()
                .orElseThrow(
                        () -> new IllegalStateException(
                                "onyx.service-auth.method=static-token needs onyx.service-auth.token (ONYX_SERVICE_AUTH_TOKEN)"));
    }
}
