package com.onyxos.stats.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The ingest benchmark: the production batch size and 90-day first-sync backfill (the defaults, stated here). */
public class IngestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "onyx.stats.earnings.batch-rows", "2000",
                "onyx.stats.earnings.backfill-days", "90",
                "onyx.stats.cache-memberships", "true");
    }
}
