package com.onyxos.stats.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.onyxos.stats.config.StatsConfig;
import com.onyxos.stats.domain.StatField;
import com.onyxos.stats.repository.CreatorRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A creator's figures as JSON, rendered once per cached row and reused until one of its figures turns stale — the
 * only change to the answer while the row stays cached — so a dashboard polling a creator pays for the JSON once.
 * Every write drops the cached row and the next read brings a new one, which is rendered anew (the rendering kept is
 * used only for the very row it was made from). Bounded like the rows themselves.
 */
@ApplicationScoped
class RenderedStats {

    private static final int MAX_CREATORS = 500;

    private final Cache<UUID, Rendered> rendered =
            Caffeine.newBuilder().maximumSize(MAX_CREATORS).build();
    private final ObjectMapper json;
    private final Duration staleAfter;
    private final Clock clock;

    RenderedStats(ObjectMapper json, StatsConfig config, Clock clock) {
        this.json = json;
        this.staleAfter = config.staleAfter();
        this.clock = clock;
    }

    /** The JSON of {@link StatsView} for {@code row} now. */
    byte[] of(CreatorRow row) {
        Instant now = clock.instant();
        Rendered kept = rendered.getIfPresent(row.id());
        if (kept != null && kept.row() == row && now.isBefore(kept.validUntil())) {
            return kept.json();
        }
        byte[] bytes = write(StatsView.of(row, now.minus(staleAfter)));
        rendered.put(row.id(), new Rendered(row, bytes, validUntil(row, now)));
        return bytes;
    }

    /** When the first figure still fresh at {@code now} turns stale (the answer is the same until then). */
    private Instant validUntil(CreatorRow row, Instant now) {
        Instant until = Instant.MAX;
        for (StatField field : StatField.values()) {
            Instant refreshedAt = row.figure(field).refreshedAt();
            if (refreshedAt != null) {
                Instant turnsStale = refreshedAt.plus(staleAfter);
                if (!turnsStale.isBefore(now) && turnsStale.isBefore(until)) {
                    until = turnsStale;
                }
            }
        }
        return until;
    }

    private byte[] write(StatsView view) {
        try {
            return json.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stats could not be rendered", e);
        }
    }

    /** The JSON made from {@code row}, the same until {@code validUntil}. */
    private record Rendered(CreatorRow row, byte[] json, Instant validUntil) {}
}
