package com.onyxos.stats.service;

import java.util.List;
import java.util.UUID;

/**
 * What one heartbeat did for one creator.
 *
 * @param creatorId the creator
 * @param handle its handle
 * @param steps earnings, subscribers, top spenders (two windows) and tracking links: written or kept
 * @param refresh its figures, through the never-zero writer (null when the creator was gone)
 */
public record CreatorBeat(UUID creatorId, String handle, List<StepResult> steps, CreatorRefresh refresh) {

    public CreatorBeat {
        steps = List.copyOf(steps);
    }

    /** Rows a step wrote ({@code step} or, with a trailing dot, every step it starts). */
    public long rows(String step) {
        return steps.stream()
                .filter(s -> step.endsWith(".")
                        ? s.step().startsWith(step)
                        : s.step().equals(step))
                .mapToLong(StepResult::rows)
                .sum();
    }
}
