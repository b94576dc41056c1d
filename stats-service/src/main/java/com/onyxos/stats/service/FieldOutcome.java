package com.onyxos.stats.service;

/**
 * What a refresh did to one figure.
 *
 * @param field the figure's API name
 * @param outcome {@code refreshed} (written from Fanvue's answer) or {@code kept} (the stored value stays)
 * @param reason when kept: missing, empty, error or implausible
 * @param value the figure after the refresh
 * @param received what Fanvue sent when it was not used (an implausible value, a raw excerpt), else null
 * @param error the Fanvue error or rule when kept
 */
public record FieldOutcome(String field, String outcome, String reason, Long value, String received, String error) {

    public static final String REFRESHED = "refreshed";
    public static final String KEPT = "kept";

    public boolean refreshed() {
        return REFRESHED.equals(outcome);
    }
}
