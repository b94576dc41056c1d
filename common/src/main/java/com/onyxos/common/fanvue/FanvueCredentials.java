package com.onyxos.common.fanvue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Who calls Fanvue: the Fanvue user the tokens belong to (Fanvue keys its rate buckets by app and user) and where
 * the tokens come from.
 *
 * @param fanvueUserId the connected Fanvue user's uuid (the rate bucket's key)
 * @param tokens the token source
 */
public record FanvueCredentials(String fanvueUserId, FanvueTokenProvider tokens) {

    public FanvueCredentials {
        Objects.requireNonNull(fanvueUserId, "fanvueUserId");
        Objects.requireNonNull(tokens, "tokens");
    }

    /**
     * A bare access token whose user is not known yet (the OAuth callback reads {@code /users/me} with it); the
     * bucket key is a hash of the token, so the token itself is never kept as a key.
     */
    public static FanvueCredentials ofAccessToken(String accessToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.UTF_8));
            return new FanvueCredentials(
                    "token:" + HexFormat.of().formatHex(digest, 0, 12), FanvueTokenProvider.fixed(accessToken));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    @Override
    public String toString() {
        return "FanvueCredentials[" + fanvueUserId + "]";
    }
}
