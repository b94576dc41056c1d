package com.onyxos.auth.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** AES-256-GCM at rest: fresh nonces, key ids, row and column binding, rotation. */
class SecretCipherTest {

    private static final String K1 = "k1:s4wRSD3xl3btnxuos092uiB8BjzrJYYKOS3Pn/2cIN0=";
    private static final String K2 = "k2:B8f/vhzpllbQ2Ul0Je2SpWeT3zkLHGK3E+stGRR6UAU=";

    private final SecretCipher cipher = new SecretCipher(KeyRing.parse(K1, "k1"));
    private final UUID row = UUID.randomUUID();
    private final SecretBinding access = new SecretBinding("agency_fanvue_connections", "access_token_ciphertext", row);

    @Test
    void aValueComesBackOnlyWhereItWasSealed() {
        byte[] sealed = cipher.encrypt("at-secret", access);

        assertThat(cipher.decrypt(sealed, access).plaintext()).isEqualTo("at-secret");
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("at-secret");
    }

    @Test
    void everyEncryptionUsesAFreshNonce() {
        assertThat(cipher.encrypt("same", access)).isNotEqualTo(cipher.encrypt("same", access));
    }

    @Test
    void aCiphertextCopiedToAnotherRowOrColumnFailsToDecrypt() {
        byte[] sealed = cipher.encrypt("rt-secret", access);

        assertThatThrownBy(() ->
                        cipher.decrypt(sealed, new SecretBinding(access.table(), access.column(), UUID.randomUUID())))
                .isInstanceOf(SecretCipherException.class)
                .hasMessageNotContaining("rt-secret");
        assertThatThrownBy(() ->
                        cipher.decrypt(sealed, new SecretBinding(access.table(), "refresh_token_ciphertext", row)))
                .isInstanceOf(SecretCipherException.class);
    }

    @Test
    void aTamperedCiphertextFailsToDecrypt() {
        byte[] sealed = cipher.encrypt("at-secret", access);
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(sealed, access)).isInstanceOf(SecretCipherException.class);
        assertThatThrownBy(() -> cipher.decrypt(Arrays.copyOf(sealed, 10), access))
                .isInstanceOf(SecretCipherException.class);
        assertThatThrownBy(() -> cipher.decrypt(null, access)).isInstanceOf(SecretCipherException.class);
    }

    @Test
    void afterANewPrimaryKeyOldValuesStillReadAndAskToBeReencrypted() {
        byte[] old = cipher.encrypt("at-secret", access);
        SecretCipher rotated = new SecretCipher(KeyRing.parse(K2 + "," + K1, "k2"));

        SecretCipher.Opened opened = rotated.decrypt(old, access);
        byte[] fresh = rotated.encrypt(opened.plaintext(), access);

        assertThat(opened.plaintext()).isEqualTo("at-secret");
        assertThat(opened.staleKey()).isTrue();
        assertThat(rotated.decrypt(fresh, access).staleKey()).isFalse();
        assertThatThrownBy(() -> cipher.decrypt(fresh, access))
                .isInstanceOf(SecretCipherException.class)
                .hasMessageContaining("key 'k2' is no longer in the key ring");
    }

    @Test
    void aBadKeyRingIsRejectedWithoutShowingKeyMaterial() {
        assertThatThrownBy(() -> KeyRing.parse("k1:c2hvcnQ=", "k1"))
                .hasMessageContaining("not 32 bytes")
                .hasMessageNotContaining("c2hvcnQ");
        assertThatThrownBy(() -> KeyRing.parse(K1, "k9")).hasMessageContaining("'k9' is not in");
        assertThatThrownBy(() -> KeyRing.parse(K1 + "," + K1, "k1")).hasMessageContaining("appears twice");
        assertThat(KeyRing.parse(K1, "k1").toString()).doesNotContain("s4wRSD");
    }
}
