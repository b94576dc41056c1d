package com.onyxos.auth.testing;

import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the MFA tests: before each test the clock is pinned to the middle of a TOTP step (codes cannot roll over
 * mid-test) and a fresh user no other test knows gets an {@link MfaClient}; after it the clock runs again.
 * Subclasses add their own {@code @BeforeEach} (run after this one) and {@code @AfterEach} (run before the release).
 */
public abstract class PinnedClockUserTest {

    @Inject
    protected MutableClock clock;

    protected MfaClient client;

    @BeforeEach
    void pinClockForAFreshUser() {
        clock.set(MfaClient.midStep(Instant.now()));
        client = MfaClient.freshUser(clock);
    }

    @AfterEach
    void releaseClock() {
        clock.reset();
    }
}
