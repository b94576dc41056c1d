package com.onyxos.auth.service;

import com.onyxos.auth.crypto.SecretBinding;
import com.onyxos.auth.crypto.SecretCipher;
import com.onyxos.auth.repository.OAuthStateRepository.PendingAuthorization;
import com.onyxos.auth.repository.StoredConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Seals and opens the secrets of connections and pending authorizations, each bound to its row and column. */
@ApplicationScoped
public class ConnectionSecrets {

    private static final String CONNECTIONS = "agency_fanvue_connections";
    private static final String ACCESS = "access_token_ciphertext";
    private static final String REFRESH = "refresh_token_ciphertext";

    private final SecretCipher cipher;

    public ConnectionSecrets(SecretCipher cipher) {
        this.cipher = cipher;
    }

    public byte[] sealAccess(UUID connectionId, String accessToken) {
        return cipher.encrypt(accessToken, new SecretBinding(CONNECTIONS, ACCESS, connectionId));
    }

    /** Null stays null: a refresh answer without a refresh token keeps the stored one. */
    public byte[] sealRefresh(UUID connectionId, String refreshToken) {
        return refreshToken == null
                ? null
                : cipher.encrypt(refreshToken, new SecretBinding(CONNECTIONS, REFRESH, connectionId));
    }

    public SecretCipher.Opened openAccess(StoredConnection connection) {
        return cipher.decrypt(
                connection.accessTokenCiphertext(), new SecretBinding(CONNECTIONS, ACCESS, connection.id()));
    }

    /** The refresh token, or null when the connection has none (Fanvue granted no {@code offline_access}). */
    public SecretCipher.Opened openRefresh(StoredConnection connection) {
        return connection.refreshTokenCiphertext() == null
                ? null
                : cipher.decrypt(
                        connection.refreshTokenCiphertext(), new SecretBinding(CONNECTIONS, REFRESH, connection.id()));
    }

    public byte[] sealVerifier(UUID stateId, String verifier) {
        return cipher.encrypt(verifier, verifierBinding(stateId));
    }

    public String openVerifier(PendingAuthorization state) {
        return cipher.decrypt(state.codeVerifierCiphertext(), verifierBinding(state.id()))
                .plaintext();
    }

    private static SecretBinding verifierBinding(UUID stateId) {
        return new SecretBinding("fanvue_oauth_states", "code_verifier_ciphertext", stateId);
    }
}
