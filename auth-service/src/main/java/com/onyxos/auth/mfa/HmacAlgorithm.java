package com.onyxos.auth.mfa;

/** The HMAC functions TOTP may use (RFC 6238 section 1.2), with their JCA and otpauth names. */
public enum HmacAlgorithm {
    SHA1("HmacSHA1", "SHA1"),
    SHA256("HmacSHA256", "SHA256"),
    SHA512("HmacSHA512", "SHA512");

    private final String jcaName;
    private final String otpauthName;

    HmacAlgorithm(String jcaName, String otpauthName) {
        this.jcaName = jcaName;
        this.otpauthName = otpauthName;
    }

    /** The {@link javax.crypto.Mac} algorithm name. */
    public String jcaName() {
        return jcaName;
    }

    /** The value of the {@code algorithm} parameter of an otpauth URI. */
    public String otpauthName() {
        return otpauthName;
    }
}
