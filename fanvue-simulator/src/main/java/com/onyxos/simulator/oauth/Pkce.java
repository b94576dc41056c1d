package com.onyxos.simulator.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** PKCE S256 (RFC 7636): challenge = BASE64URL(SHA-256(ASCII(verifier))), unpadded. */
public final class Pkce {
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9\\-_]{43}");

    private Pkce() {}

    public static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static boolean wellFormedVerifier(String verifier) {
        return VERIFIER.matcher(verifier).matches();
    }

    static boolean wellFormedChallenge(String challenge) {
        return challenge != null && CHALLENGE.matcher(challenge).matches();
    }
}
