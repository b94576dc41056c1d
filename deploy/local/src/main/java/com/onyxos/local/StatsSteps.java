package com.onyxos.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The demo's calls to stats-service (issue 10): import the agency's creators from Fanvue, list them with their
 * figures, refresh every creator's figures.
 */
final class StatsSteps {

    private StatsSteps() {}

    /** {@code POST /api/creators/import}: {@code {status, listed, inserted, updated, unlisted, errors}}. */
    static JsonNode importCreators(StackApi api) {
        return api.post("/api/creators/import", Map.of())
                .expect(200, "POST /api/creators/import")
                .body();
    }

    /** {@code GET /api/creators}: {@code {items: [creator with stats]}}. */
    static JsonNode creators(StackApi api) {
        return api.get("/api/creators").expect(200, "GET /api/creators").body();
    }

    /** {@code POST /api/creators/stats/refresh-all}: per creator and figure, refreshed or kept and why. */
    static JsonNode refreshAll(StackApi api) {
        return api.post("/api/creators/stats/refresh-all", Map.of())
                .expect(200, "POST /api/creators/stats/refresh-all")
                .body();
    }
}
