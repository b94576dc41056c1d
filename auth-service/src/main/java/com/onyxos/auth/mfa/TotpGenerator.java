package com.onyxos.auth.mfa;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HOTP (RFC 4226) and TOTP (RFC 6238) codes for one parameter set: HMAC function, number of digits and time step.
 * Stateless and thread-safe; replay protection is the caller's job (it knows the last step used).
 */
public final class TotpGenerator {

    /** What authenticator apps assume: SHA1, 6 digits, 30 seconds. */
    public static final TotpGenerator STANDARD = new TotpGenerator(HmacAlgorithm.SHA1, 6, 30);

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private final HmacAlgorithm algorithm;
    private final int digits;
    private final long periodSeconds;

    /**
     * @param algorithm the HMAC function
     * @param digits code length, 6 to 8
     * @param periodSeconds the time step, positive
     */
    public TotpGenerator(HmacAlgorithm algorithm, int digits, long periodSeconds) {
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("digits must be 6 to 8");
        }
        if (periodSeconds <= 0) {
            throw new IllegalArgumentException("period must be positive");
        }
        this.algorithm = algorithm;
        this.digits = digits;
        this.periodSeconds = periodSeconds;
    }

    public HmacAlgorithm algorithm() {
        return algorithm;
    }

    public int digits() {
        return digits;
    }

    public long periodSeconds() {
        return periodSeconds;
    }

    /** The time step {@code instant} falls in (T0 = Unix epoch). */
    public long step(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), periodSeconds);
    }

    /** The TOTP code at {@code instant}. */
    public String totp(byte[] key, Instant instant) {
        return hotp(key, step(instant));
    }

    /** The HOTP code for {@code counter} (for TOTP, the time step), zero-padded to {@link #digits()}. */
    public String hotp(byte[] key, long counter) {
        byte[] hash = hmac(key, ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
        int offset = hash[hash.length - 1] & 0x0F;
        int binary = ((hash[offset] & 0x7F) << 24)
                | ((hash[offset + 1] & 0xFF) << 16)
                | ((hash[offset + 2] & 0xFF) << 8)
                | (hash[offset + 3] & 0xFF);
        String code = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /**
     * The latest step within {@code window} steps of {@code now} whose code is {@code code}, compared in constant
     * time; empty when none matches.
     */
    public OptionalLong matchingStep(byte[] key, String code, Instant now, int window) {
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long current = step(now);
        OptionalLong match = OptionalLong.empty();
        // Every candidate is computed, matching or not, so timing says nothing about which step matched.
        for (long step = current - window; step <= current + window; step++) {
            byte[] expected = hotp(key, step).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, given)) {
                match = OptionalLong.of(step);
            }
        }
        return match;
    }

    private byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm.jcaName());
            mac.init(new SecretKeySpec(key, algorithm.jcaName()));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC " + algorithm + " is not available", e);
        }
    }
}
