package com.onyxos.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The cache of bearer tokens OIDC already verified ({@code onyx.security.token-cache.*}); see {@link VerifiedTokens}. */
@ConfigMapping(prefix = "onyx.security.token-cache")
public interface TokenCacheConfig {

    /** Whether a token verified once is accepted again without a new signature check until it expires. */
    @WithDefault("true")
    boolean enabled();

    /** Most tokens kept at once (least recently used go first); a token not kept is simply verified again. */
    @WithDefault("10000")
    long maxSize();

    /**
     * Longest a verification is reused, however late the token expires: bounds how long a token stays accepted
     * after its signing key was withdrawn from the issuer's key set.
     */
    @WithDefault("5m")
    Duration maxAge();
}
