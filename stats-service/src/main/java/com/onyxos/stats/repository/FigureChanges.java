package com.onyxos.stats.repository;

import com.onyxos.stats.domain.StatField;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What one write does to a creator, decided under its row lock.
 *
 * @param agencyId the agency
 * @param modelId the creator
 * @param at the time written as each written figure's {@code refreshed_at}
 * @param written figures to write (value and time)
 * @param profile Fanvue profile fields to write, null for none
 * @param anomalies rows for {@code stats_anomalies}
 * @param held implausible values to hold, with their source
 * @param released fields whose held value is settled (applied or superseded)
 */
public record FigureChanges(
        UUID agencyId,
        UUID modelId,
        Instant at,
        Map<StatField, Long> written,
        ProfileChange profile,
        List<AnomalyRow> anomalies,
        Map<StatField, HeldValue> held,
        Set<StatField> released) {

    public FigureChanges {
        written = Map.copyOf(written);
        anomalies = List.copyOf(anomalies);
        held = Map.copyOf(held);
        released = Set.copyOf(released);
    }

    /**
     * Profile fields from Fanvue; a null one is kept as stored.
     *
     * @param handle the handle (never blank)
     * @param displayName the display name
     * @param avatarUrl the avatar
     */
    public record ProfileChange(String handle, String displayName, String avatarUrl) {}

    /**
     * A kept value and why.
     *
     * @param source what answered (trigger and route)
     * @param field the figure
     * @param kind missing, empty, error or implausible
     * @param storedValue the value kept
     * @param receivedValue what arrived instead
     * @param detail the Fanvue error or rule
     */
    public record AnomalyRow(
            String source, String field, String kind, String storedValue, String receivedValue, String detail) {}

    /**
     * An implausible value to hold.
     *
     * @param value the value
     * @param source what answered
     */
    public record HeldValue(long value, String source) {}
}
