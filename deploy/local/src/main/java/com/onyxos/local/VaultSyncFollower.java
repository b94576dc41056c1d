package com.onyxos.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Starts an agency's vault sync ({@code async}: one run per creator) and follows every run's server-sent events
 * ({@code progress} while it runs, then {@code finished}) as the console's progress bar does.
 */
final class VaultSyncFollower {

    private VaultSyncFollower() {}

    /** Syncs every active creator of {@code api}'s agency; returns each run's {@code finished} event. */
    static List<JsonNode> syncAll(StackApi api, Consumer<JsonNode> onEvent) {
        JsonNode runIds = api.post("/api/vault/sync-fanvue", Map.of("async", true))
                .expect(202, "POST /api/vault/sync-fanvue {async:true}")
                .body()
                .path("runIds");
        List<JsonNode> finished = new ArrayList<>();
        for (JsonNode runId : runIds) {
            finished.add(follow(api, runId.asText(), onEvent));
        }
        return finished;
    }

    /** Reads the run's event stream to its end; returns the last ({@code finished}) event. */
    static JsonNode follow(StackApi api, String runId, Consumer<JsonNode> onEvent) {
        try {
            HttpResponse<Stream<String>> response = streamOf(api, runId);
            if (response.statusCode() != 200) {
                throw new StackApi.UnexpectedAnswer(
                        "GET /api/vault/sync-runs/" + runId + "/events: " + response.statusCode());
            }
            JsonNode last = null;
            try (Stream<String> lines = response.body()) {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.startsWith("data:")) {
                        last = StackApi.JSON.readTree(line.substring(5).trim());
                        onEvent.accept(last);
                    }
                }
            }
            if (last == null || !"finished".equals(last.path("type").asText())) {
                throw new StackApi.UnexpectedAnswer("The event stream of run " + runId + " ended without finished");
            }
            return last;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<Stream<String>> streamOf(StackApi api, String runId)
            throws IOException, InterruptedException {
        return api.http()
                .send(
                        api.request("/api/vault/sync-runs/" + runId + "/events")
                                .header("Accept", "text/event-stream")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
    }
}
