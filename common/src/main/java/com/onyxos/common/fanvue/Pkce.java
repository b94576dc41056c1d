package com.onyxos.common.fanvue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A PKCE pair (RFC 7636): a 43-character verifier from 256 random bits and its S256 challenge. {@link #toString()}
 * never prints the verifier.
 *
 * @param verifier the secret kept until the code exchange
 * @param challenge {@code BASE64URL(SHA-256(verifier))}, sent with the authorization request
 */
public record Pkce(String verifier, String challenge) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh pair. */
    public static Pkce create() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Pkce(verifier, challengeOf(verifier));
    }

    /** The S256 challenge of {@code verifier}. */
    public static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    @Override
    public String toString() {
        return "Pkce[challenge=" + challenge + "]";
    }
}
