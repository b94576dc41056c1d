package com.onyxos.stats.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One agency's heartbeat.
 *
 * @param agencyId the agency
 * @param counts what it did: creators, Fanvue calls, rows written per step (new or changed rows only: an unchanged
 *     heartbeat writes 0), figures refreshed and kept, steps kept
 * @param errors one line per step that kept stored data (and the agency subscriber listing, if it failed)
 * @param agencyError why the agency subscriber listing failed, null when it did not
 * @param creators per creator
 */
public record HeartbeatResult(
        UUID agencyId, Map<String, Long> counts, List<String> errors, String agencyError, List<CreatorBeat> creators) {

    public HeartbeatResult {
        counts = Map.copyOf(counts);
        errors = List.copyOf(errors);
        creators = List.copyOf(creators);
    }

    static HeartbeatResult of(UUID agencyId, List<CreatorBeat> beats, String agencyError, long fanvueCalls) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("creators", (long) beats.size());
        counts.put("fanvueCalls", fanvueCalls);
        counts.put("earningsRowsWritten", sum(beats, "earnings"));
        counts.put("subscriberDaysWritten", sum(beats, AudienceSync.STEP));
        counts.put("topSpendersWritten", sum(beats, TopSpenderSync.STEP_PREFIX));
        counts.put("trackingLinksWritten", sum(beats, TrackingLinkSync.STEP));
        counts.put(
                "figuresRefreshed",
                beats.stream()
                        .filter(b -> b.refresh() != null)
                        .mapToLong(b -> b.refresh().refreshedCount())
                        .sum());
        counts.put(
                "figuresKept",
                beats.stream()
                        .filter(b -> b.refresh() != null)
                        .mapToLong(b -> b.refresh().keptCount())
                        .sum());
        List<String> errors = new ArrayList<>();
        if (agencyError != null) {
            errors.add(agencyError);
        }
        long kept = 0;
        for (CreatorBeat beat : beats) {
            for (StepResult step : beat.steps()) {
                if (step.kept()) {
                    kept++;
                    errors.add(beat.handle() + " " + step.step() + ": " + step.error());
                }
            }
        }
        counts.put("stepsKept", kept);
        return new HeartbeatResult(agencyId, counts, errors, agencyError, beats);
    }

    /** How the run ends in {@code job_runs}: {@code succeeded}, or {@code partial} when a step kept stored data. */
    public String outcome() {
        return errors.isEmpty() ? "succeeded" : "partial";
    }

    private static long sum(List<CreatorBeat> beats, String step) {
        return beats.stream().mapToLong(b -> b.rows(step)).sum();
    }
}
