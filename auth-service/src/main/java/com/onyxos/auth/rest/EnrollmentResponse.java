package com.onyxos.auth.rest;

import java.time.Instant;
import java.util.UUID;

/**
 * Answer of {@code POST /api/user/mfa}: the only response that ever carries the secret.
 *
 * @param factorId the new factor, to verify before {@code expiresAt}
 * @param type {@code totp}
 * @param secret the unpadded base32 secret, for typing into an authenticator app
 * @param otpauthUri the {@code otpauth://totp/...} key URI
 * @param qrCode the key URI as a QR code, a {@code data:image/png;base64,...} URI
 * @param expiresAt when the factor expires unless verified
 */
public record EnrollmentResponse(
        UUID factorId, String type, String secret, String otpauthUri, String qrCode, Instant expiresAt) {

    @Override
    public String toString() {
        return "EnrollmentResponse[factorId=" + factorId + "]";
    }
}
