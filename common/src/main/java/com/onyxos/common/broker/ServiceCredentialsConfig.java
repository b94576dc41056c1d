package com.onyxos.common.broker;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** How this service proves to auth-service that it is one of ours ({@code onyx.service-auth.*}). */
@ConfigMapping(prefix = "onyx.service-auth")
public interface ServiceCredentialsConfig {

    /**
     * A bearer token with the {@code service} role, issued by the OIDC provider to this service (for example a
     * client-credentials token kept in a Kubernetes secret). Required by services that call the token broker.
     */
    Optional<String> token();
}
