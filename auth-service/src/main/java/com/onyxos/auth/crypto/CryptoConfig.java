package com.onyxos.auth.crypto;

import io.smallrye.config.ConfigMapping;

/** Encryption keys for secrets at rest ({@code onyx.crypto.*}); production has no default and refuses to start. */
@ConfigMapping(prefix = "onyx.crypto")
public interface CryptoConfig {

    /**
     * Every key that may still decrypt something, as {@code id:base64,id:base64} (each key 32 random bytes; ids of
     * 1-16 letters, digits, dots, dashes or underscores). Keep retired keys here until re-encryption is done.
     */
    String keyring();

    /** The id of the key new values are encrypted with. */
    String primaryKeyId();
}
