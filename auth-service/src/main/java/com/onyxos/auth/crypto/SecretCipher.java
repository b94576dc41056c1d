package com.onyxos.auth.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for secrets at rest (Fanvue tokens, PKCE verifiers, TOTP secrets). Every value gets a fresh 96-bit
 * nonce; the ciphertext names its key id, so keys rotate without a flag day; the associated data binds it to its
 * row and column, so a ciphertext copied elsewhere does not decrypt.
 *
 * <p>Layout: {@code 0x01 | key id length | key id | nonce (12) | ciphertext and tag (16)}.
 */
@ApplicationScoped
public class SecretCipher {

    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyRing keys;
    private final SecureRandom random = new SecureRandom();

    @Inject
    SecretCipher(CryptoConfig config) {
        this(KeyRing.parse(config.keyring(), config.primaryKeyId()));
    }

    /** On an explicit key ring (tests). */
    public SecretCipher(KeyRing keys) {
        this.keys = keys;
    }

    /** Encrypts {@code plaintext} with the primary key, bound to {@code binding}. */
    public byte[] encrypt(String plaintext, SecretBinding binding) {
        byte[] id = keys.primaryId().getBytes(StandardCharsets.US_ASCII);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed =
                run(Cipher.ENCRYPT_MODE, keys.primary(), nonce, binding, plaintext.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(2 + id.length + NONCE_BYTES + sealed.length)
                .put(FORMAT)
                .put((byte) id.length)
                .put(id)
                .put(nonce)
                .put(sealed)
                .array();
    }

    /** Decrypts a value sealed for {@code binding}; fails with {@link SecretCipherException} otherwise. */
    public Opened decrypt(byte[] ciphertext, SecretBinding binding) {
        ByteBuffer buffer = ByteBuffer.wrap(ciphertext == null ? new byte[0] : ciphertext);
        if (buffer.remaining() < 2 || buffer.get() != FORMAT) {
            throw new SecretCipherException("unknown ciphertext format for " + binding);
        }
        int idLength = buffer.get();
        if (idLength < 1 || buffer.remaining() < idLength + NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretCipherException("truncated ciphertext for " + binding);
        }
        byte[] id = new byte[idLength];
        buffer.get(id);
        String keyId = new String(id, StandardCharsets.US_ASCII);
        SecretKey key = keys.key(keyId);
        if (key == null) {
            throw new SecretCipherException("key '" + keyId + "' is no longer in the key ring, for " + binding);
        }
        byte[] nonce = new byte[NONCE_BYTES];
        buffer.get(nonce);
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        byte[] plaintext = run(Cipher.DECRYPT_MODE, key, nonce, binding, sealed);
        return new Opened(new String(plaintext, StandardCharsets.UTF_8), !keyId.equals(keys.primaryId()));
    }

    private static byte[] run(int mode, SecretKey key, byte[] nonce, SecretBinding binding, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(binding.associatedData());
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // The cause names no secret, but it adds nothing either: keep the message about where it failed.
            throw new SecretCipherException("cannot " + (mode == Cipher.ENCRYPT_MODE ? "encrypt" : "decrypt") + " "
                    + binding + " (wrong key, row or column, or tampered data)");
        }
    }

    /**
     * A decrypted value.
     *
     * @param plaintext the secret
     * @param staleKey sealed with a key that is no longer primary: re-encrypt it
     */
    public record Opened(String plaintext, boolean staleKey) {
        @Override
        public String toString() {
            return "Opened[staleKey=" + staleKey + "]";
        }
    }
}
