package com.onyxos.stats.repository;

import com.onyxos.stats.domain.StatField;
import java.util.Map;

/**
 * A creator's stored figures and held values, read under the row lock the write then holds.
 *
 * @param figures every figure as stored
 * @param pending implausible values held, by field
 */
public record LockedFigures(Map<StatField, Figure> figures, Map<StatField, PendingValue> pending) {

    public LockedFigures {
        figures = Map.copyOf(figures);
        pending = Map.copyOf(pending);
    }

    /**
     * A value held until a later refresh confirms it.
     *
     * @param value the value received
     * @param receivedAt when
     */
    public record PendingValue(long value, java.time.Instant receivedAt) {}
}
