package com.onyxos.auth.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * MFA counters: {@code onyx_mfa_failures_total{method}} (wrong, replayed or unknown codes) and
 * {@code onyx_mfa_lockouts_total} (factors locked after too many failures).
 */
@ApplicationScoped
public class MfaMetrics {

    private final Counter totpFailures;
    private final Counter recoveryFailures;
    private final Counter lockouts;

    public MfaMetrics(MeterRegistry registry) {
        this.totpFailures = failures(registry, MfaMethod.TOTP);
        this.recoveryFailures = failures(registry, MfaMethod.RECOVERY_CODE);
        this.lockouts = Counter.builder("onyx.mfa.lockouts")
                .description("TOTP factors locked after too many failed verifications")
                .register(registry);
    }

    /** One failed verification with {@code method}. */
    public void failure(String method) {
        (MfaMethod.TOTP.equals(method) ? totpFailures : recoveryFailures).increment();
    }

    /** One factor locked. */
    public void lockout() {
        lockouts.increment();
    }

    private static Counter failures(MeterRegistry registry, String method) {
        return Counter.builder("onyx.mfa.failures")
                .description("Failed MFA verifications: wrong or replayed TOTP codes, unknown recovery codes")
                .tag("method", method)
                .register(registry);
    }
}
