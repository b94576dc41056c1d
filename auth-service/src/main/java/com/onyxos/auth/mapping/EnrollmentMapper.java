package com.onyxos.auth.mapping;

import com.onyxos.auth.config.MfaConfig;
import com.onyxos.auth.mfa.OtpauthUri;
import com.onyxos.auth.mfa.QrCodes;
import com.onyxos.auth.mfa.TotpGenerator;
import com.onyxos.auth.rest.EnrollmentResponse;
import com.onyxos.auth.service.NewFactor;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a new factor into what an authenticator app needs: the secret, its otpauth URI and a QR code of it. */
@ApplicationScoped
public class EnrollmentMapper {

    private final MfaConfig config;

    public EnrollmentMapper(MfaConfig config) {
        this.config = config;
    }

    /** The enrollment answer for {@code account} (the name the app shows under the issuer). */
    public EnrollmentResponse toResponse(NewFactor factor, String account) {
        String uri = OtpauthUri.totp(config.issuer(), account, factor.base32Secret(), TotpGenerator.STANDARD);
        return new EnrollmentResponse(
                factor.id(), "totp", factor.base32Secret(), uri, QrCodes.pngDataUri(uri), factor.expiresAt());
    }
}
