package com.onyxos.auth.mfa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Single-use recovery codes: 12 random characters of the lowercase base32 alphabet (60 bits), shown as
 * {@code xxxx-xxxx-xxxx}. Stored only as SHA-256 over the user's subject and the normalised code: a fast hash is
 * enough because 60 random bits cannot be brute-forced offline in useful time, and the subject in the input stops
 * one precomputed table from serving every user.
 */
public final class RecoveryCodes {

    /** Characters in a code, separators excluded. */
    public static final int LENGTH = 12;

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final Pattern NORMALISED = Pattern.compile("[a-z2-7]{" + LENGTH + "}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");

    private RecoveryCodes() {}

    /** {@code count} fresh codes in display form. */
    public static List<String> generate(SecureRandom random, int count) {
        List<String> codes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder code = new StringBuilder(LENGTH + 2);
            for (int c = 0; c < LENGTH; c++) {
                if (c > 0 && c % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** The code as typed, without separators or case; empty when it cannot be a recovery code. */
    public static Optional<String> normalise(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        String normalised = SEPARATORS.matcher(typed).replaceAll("").toLowerCase(Locale.ROOT);
        return NORMALISED.matcher(normalised).matches() ? Optional.of(normalised) : Optional.empty();
    }

    /** The stored hash of a normalised code of {@code userSub}. */
    public static byte[] hash(String userSub, String normalisedCode) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("onyx-mfa-recovery/v1\0".getBytes(StandardCharsets.UTF_8));
            digest.update(userSub.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(normalisedCode.getBytes(StandardCharsets.US_ASCII));
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
