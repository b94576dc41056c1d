package com.onyxos.vault.sync;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Run leases with short heartbeats, so that "longer than the dead bound" takes seconds, not a quarter of a minute. */
public class ShortLeases implements QuarkusTestProfile {

    static final long DEAD_AFTER_MS = 1500;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("onyx.runs.heartbeat-every", "300ms", "onyx.runs.dead-after", DEAD_AFTER_MS + "ms");
    }
}
