package com.onyxos.stats.service;

/**
 * What one step of a creator's sync did to its stored data.
 *
 * @param step earnings, subscribers, topSpenders.all_time, topSpenders.30d, trackingLinks
 * @param outcome {@code written} (a complete, well-formed answer was applied; {@code rows} may be 0 when nothing
 *     changed) or {@code kept} (the stored data stays as it was)
 * @param rows rows written (new or changed)
 * @param reason when kept: error, empty, missing or implausible
 * @param error Fanvue's error or what was wrong, when kept
 */
public record StepResult(String step, String outcome, int rows, String reason, String error) {

    public static final String WRITTEN = "written";
    public static final String KEPT = "kept";

    static StepResult written(String step, int rows) {
        return new StepResult(step, WRITTEN, rows, null, null);
    }

    static StepResult kept(String step, KeptReason reason, String error) {
        return new StepResult(step, KEPT, 0, reason.code(), error);
    }

    public boolean kept() {
        return KEPT.equals(outcome);
    }
}
