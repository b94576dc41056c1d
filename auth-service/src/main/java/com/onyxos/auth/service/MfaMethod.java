package com.onyxos.auth.service;

/** How a step-up was verified: the values of {@code mfa_steps.method}. */
public final class MfaMethod {

    /** A code from the user's authenticator app. */
    public static final String TOTP = "totp";

    /** One of the user's single-use recovery codes. */
    public static final String RECOVERY_CODE = "recovery_code";

    private MfaMethod() {}
}
