package com.onyxos.auth.service;

import com.onyxos.auth.crypto.SecretBinding;
import com.onyxos.auth.crypto.SecretCipher;
import com.onyxos.auth.domain.MfaFactor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Seals and opens TOTP secrets, each bound to its own {@code mfa_factors.secret_ciphertext} row. */
@ApplicationScoped
public class FactorSecrets {

    private final SecretCipher cipher;

    public FactorSecrets(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** The ciphertext of a base32 secret for the factor row {@code factorId}. */
    public byte[] seal(UUID factorId, String base32Secret) {
        return cipher.encrypt(base32Secret, binding(factorId));
    }

    /** The factor's base32 secret, and whether it should be re-sealed under the primary key. */
    public SecretCipher.Opened open(MfaFactor factor) {
        return cipher.decrypt(factor.secretCiphertext, binding(factor.id));
    }

    private static SecretBinding binding(UUID factorId) {
        return new SecretBinding("mfa_factors", "secret_ciphertext", factorId);
    }
}
