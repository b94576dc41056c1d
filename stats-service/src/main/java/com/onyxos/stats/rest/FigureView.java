package com.onyxos.stats.rest;

import com.onyxos.stats.repository.Figure;
import java.time.Instant;

/**
 * One figure as the dashboard shows it.
 *
 * @param value the figure, null when never fetched from a successful, well-formed Fanvue answer (never 0 for that)
 * @param refreshedAt when it was last written, null when never
 * @param stale true when never fetched or older than the stale period
 */
public record FigureView(Long value, Instant refreshedAt, boolean stale) {

    static FigureView of(Figure figure, Instant staleBefore) {
        boolean stale = figure.refreshedAt() == null || figure.refreshedAt().isBefore(staleBefore);
        return new FigureView(figure.value(), figure.refreshedAt(), stale);
    }
}
