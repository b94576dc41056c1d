package com.onyxos.stats.service;

import com.onyxos.stats.domain.StatField;
import java.util.EnumMap;
import java.util.Map;

/**
 * Everything one read of Fanvue said about a creator: a reading per figure it asked for (figures it did not ask for
 * are not touched) and the Fanvue profile when an answer carried one.
 *
 * @param fields readings by figure
 * @param profile handle, display name and avatar from Fanvue, or null
 */
public record StatsReading(Map<StatField, Reading> fields, Profile profile) {

    public StatsReading {
        fields = Map.copyOf(fields);
    }

    /** Every figure absent for the same reason (no token, or the creator cannot be read at all). */
    public static StatsReading unavailable(KeptReason reason, String detail, String source) {
        Map<StatField, Reading> fields = new EnumMap<>(StatField.class);
        for (StatField field : StatField.values()) {
            fields.put(field, new Reading.Absent(reason, null, detail, source));
        }
        return new StatsReading(fields, null);
    }

    /**
     * A creator's Fanvue profile; null parts are left as stored.
     *
     * @param handle the handle
     * @param displayName the display name
     * @param avatarUrl the avatar URL
     */
    public record Profile(String handle, String displayName, String avatarUrl) {}
}
