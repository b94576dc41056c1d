package com.onyxos.stats.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The benchmark runs as production would: memberships cached (the other tests switch that off). */
public class BenchmarkProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("onyx.stats.cache-memberships", "true");
    }
}
