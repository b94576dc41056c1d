package com.onyxos.stats.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Short Fanvue client limits for fault tests: one attempt per call (so an injected fault reaches the writer instead
 * of being retried away), a short timeout, no waiting out 429s, and a breaker that never opens (each call must meet
 * its own fault).
 */
public class FaultProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "onyx.fanvue.request-timeout", "400ms",
                "onyx.fanvue.retry-max-attempts", "1",
                "onyx.fanvue.retry-max-rate-limited", "1",
                "onyx.fanvue.retry-max-time", "1s",
                "onyx.fanvue.breaker-window", "1000000");
    }
}
