package com.onyxos.stats.repository;

import java.time.Instant;

/**
 * A stored figure: null value and time when never fetched from a successful, well-formed answer.
 *
 * @param value the figure
 * @param refreshedAt when it was last written
 */
public record Figure(Long value, Instant refreshedAt) {

    public static final Figure NEVER = new Figure(null, null);
}
