package com.onyxos.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** TOTP second factor settings ({@code onyx.mfa.*}). */
@ConfigMapping(prefix = "onyx.mfa")
public interface MfaConfig {

    /** Issuer shown by authenticator apps and put in the otpauth URI. */
    @WithDefault("OnyxOS")
    String issuer();

    /** How long an enrolled factor may stay unverified before it expires and is removed. */
    @WithDefault("PT10M")
    Duration enrollmentValidity();

    /** How long a verified code (or recovery code) counts as step-up for the session it was verified in. */
    @WithDefault("PT12H")
    Duration stepUpValidity();

    /** Failed verifications of one factor, across sessions, after which it is locked. */
    @WithDefault("5")
    int maxFailedAttempts();

    /** How long a locked factor refuses every code. */
    @WithDefault("PT15M")
    Duration lockoutDuration();

    /** Most factors (verified or pending) one user may have; bounds what one account can store. */
    @WithDefault("10")
    int maxFactorsPerUser();

    /** Recovery codes issued when the user's first factor is verified. */
    @WithDefault("10")
    int recoveryCodeCount();
}
