package com.onyxos.auth.mfa;

import java.util.Locale;

/** RFC 4648 base32 (alphabet {@code A-Z2-7}); encodes without padding, decodes with or without it. */
public final class Base32 {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private Base32() {}

    /** The unpadded base32 text of {@code data}. */
    public static String encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    /**
     * Decodes base32 text, case-insensitively, with optional trailing {@code =} padding.
     *
     * @throws IllegalArgumentException when the text has a character outside the alphabet, a length no encoder
     *     produces, or non-zero trailing bits
     */
    public static byte[] decode(String text) {
        String body = stripPadding(text).toUpperCase(Locale.ROOT);
        int remainder = body.length() % 8;
        if (remainder == 1 || remainder == 3 || remainder == 6) {
            throw new IllegalArgumentException("base32 text has an impossible length");
        }
        byte[] out = new byte[body.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (int i = 0; i < body.length(); i++) {
            buffer = (buffer << 5) | valueOf(body.charAt(i));
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        if ((buffer & ((1 << bits) - 1)) != 0) {
            throw new IllegalArgumentException("base32 text has non-zero trailing bits");
        }
        return out;
    }

    private static String stripPadding(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '=') {
            end--;
        }
        return text.substring(0, end);
    }

    private static int valueOf(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= '2' && c <= '7') {
            return c - '2' + 26;
        }
        throw new IllegalArgumentException("base32 text has a character outside the alphabet");
    }
}
