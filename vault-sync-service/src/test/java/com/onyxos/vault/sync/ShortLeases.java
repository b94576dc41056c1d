package com.onyxos.vault.sync;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Run leases with short heartbeats, so that "longer than the dead bound" takes seconds, not a quarter of a minute.
 * The bound is ten heartbeats: a live process on a loaded 2-core machine (other builds beside this one) misses none
 * by that much; at 1.5 s one did, and its live run was taken over.
 */
public class ShortLeases implements QuarkusTestProfile {

    static final long DEAD_AFTER_MS = 3000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("onyx.runs.heartbeat-every", "300ms", "onyx.runs.dead-after", DEAD_AFTER_MS + "ms");
    }
}
