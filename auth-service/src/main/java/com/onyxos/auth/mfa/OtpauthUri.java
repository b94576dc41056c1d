package com.onyxos.auth.mfa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds {@code otpauth://totp/} key URIs in the Google Authenticator "Key Uri Format" that authenticator apps scan. */
public final class OtpauthUri {

    private OtpauthUri() {}

    /**
     * The URI for a TOTP secret.
     *
     * @param issuer who issues the code (shown by the app); also the label prefix
     * @param account the user's account name within the issuer
     * @param base32Secret the unpadded base32 secret
     * @param generator algorithm, digits and period the app must use
     */
    public static String totp(String issuer, String account, String base32Secret, TotpGenerator generator) {
        return "otpauth://totp/" + encode(issuer) + ":" + encode(account)
                + "?secret=" + base32Secret
                + "&issuer=" + encode(issuer)
                + "&algorithm=" + generator.algorithm().otpauthName()
                + "&digits=" + generator.digits()
                + "&period=" + generator.periodSeconds();
    }

    /** Percent-encoding as URIs want it: a space is {@code %20}, never {@code +}. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
