package com.onyxos.stats.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The ingest benchmark: production batch size, and a first sync that reads a creator's whole history. */
public class IngestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "onyx.stats.earnings.batch-rows", "2000",
                "onyx.stats.earnings.backfill-days", "0",
                "onyx.stats.cache-memberships", "true");
    }
}
