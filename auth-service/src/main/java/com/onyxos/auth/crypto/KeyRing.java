package com.onyxos.auth.crypto;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The AES-256 keys by id, one of them primary. Its string form never shows key material. */
public final class KeyRing {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,16}");

    private final Map<String, SecretKey> keys;
    private final String primaryId;

    private KeyRing(Map<String, SecretKey> keys, String primaryId) {
        this.keys = Map.copyOf(keys);
        this.primaryId = primaryId;
    }

    /** Parses {@code id:base64,...}; fails naming the entry (never its value) when something is wrong. */
    public static KeyRing parse(String keyring, String primaryId) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : keyring.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            String id = colon < 0 ? "" : trimmed.substring(0, colon);
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("onyx.crypto.keyring: an entry has no valid key id before ':'");
            }
            byte[] material;
            try {
                material = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("onyx.crypto.keyring: key '" + id + "' is not base64");
            }
            if (material.length != 32) {
                throw new IllegalArgumentException("onyx.crypto.keyring: key '" + id + "' is not 32 bytes (AES-256)");
            }
            if (keys.put(id, new SecretKeySpec(material, "AES")) != null) {
                throw new IllegalArgumentException("onyx.crypto.keyring: key id '" + id + "' appears twice");
            }
        }
        if (!keys.containsKey(primaryId)) {
            throw new IllegalArgumentException(
                    "onyx.crypto.primary-key-id '" + primaryId + "' is not in onyx.crypto.keyring");
        }
        return new KeyRing(keys, primaryId);
    }

    String primaryId() {
        return primaryId;
    }

    SecretKey primary() {
        return keys.get(primaryId);
    }

    /** The key of {@code id}, or null when the ring no longer has it. */
    SecretKey key(String id) {
        return keys.get(id);
    }

    @Override
    public String toString() {
        return "KeyRing[ids=" + keys.keySet() + ", primary=" + primaryId + "]";
    }
}
