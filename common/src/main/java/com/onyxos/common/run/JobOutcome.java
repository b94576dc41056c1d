package com.onyxos.common.run;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a job run ended.
 *
 * @param status {@code succeeded}, {@code partial} (some of it failed) or {@code failed}
 * @param counts what it counted (names to whole numbers), e.g. {@code creators}, {@code rowsWritten}
 * @param errors what went wrong, one line each
 * @param message one line for people
 */
public record JobOutcome(String status, Map<String, Long> counts, List<String> errors, String message) {

    private static final Set<String> ENDS = Set.of("succeeded", "partial", "failed");

    public JobOutcome {
        if (!ENDS.contains(status)) {
            throw new IllegalArgumentException("a job run ends succeeded, partial or failed, not " + status);
        }
        counts = Map.copyOf(counts);
        errors = List.copyOf(errors);
    }

    public static JobOutcome succeeded(Map<String, Long> counts, String message) {
        return new JobOutcome("succeeded", counts, List.of(), message);
    }

    public static JobOutcome partial(Map<String, Long> counts, List<String> errors, String message) {
        return new JobOutcome("partial", counts, errors, message);
    }

    public static JobOutcome failed(String error) {
        return new JobOutcome("failed", Map.of(), List.of(error), error);
    }
}
