package com.onyxos.common.broker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How this service proves to auth-service's token broker that it is one of ours ({@code onyx.service-auth.*}). */
@ConfigMapping(prefix = "onyx.service-auth")
public interface ServiceCredentialsConfig {

    /**
     * {@code client-credentials} (production): a token from the OIDC provider's token endpoint with the OAuth client
     * credentials grant, configured under {@code quarkus.oidc-client.*}, kept in memory and renewed ahead of its
     * expiry ({@code quarkus.oidc-client.refresh-token-time-skew}). {@code static-token} (the local stack and tests
     * only): the fixed {@link #token()}.
     */
    @WithDefault("client-credentials")
    Method method();

    /**
     * With {@code static-token}: a bearer token with the {@code service} role ({@code ONYX_SERVICE_AUTH_TOKEN}), for
     * example one the local stack's issuer minted. Ignored with {@code client-credentials}.
     */
    Optional<String> token();

    /** Where the bearer token comes from. */
    enum Method {
        CLIENT_CREDENTIALS,
        STATIC_TOKEN
    }
}
