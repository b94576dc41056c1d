package com.onyxos.stats.service;

import com.onyxos.stats.config.StatsConfig;
import com.onyxos.stats.domain.StatField;
import com.onyxos.stats.repository.CreatorQueries;
import com.onyxos.stats.repository.CreatorRow;
import com.onyxos.stats.repository.Figure;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Starts one background refresh of a creator whose figures a read found stale, without delaying the read. Single
 * flight three times over: this process tries a creator at most once per stale period (however many reads see it),
 * the database claim ({@code stats_attempted_at}) lets one replica win, and the refresh itself joins one running.
 */
@ApplicationScoped
public class BackgroundRefresh {

    private static final Logger LOG = Logger.getLogger(BackgroundRefresh.class);

    private final CreatorQueries creators;
    private final StatsRefreshService refreshes;
    private final StatsConfig config;
    private final Clock clock;
    private final Map<UUID, Instant> tried = new ConcurrentHashMap<>();
    private final AtomicInteger starting = new AtomicInteger();

    public BackgroundRefresh(CreatorQueries creators, StatsRefreshService refreshes, StatsConfig config, Clock clock) {
        this.creators = creators;
        this.refreshes = refreshes;
        this.config = config;
        this.clock = clock;
    }

    /** Whether any figure of the row was refreshed longer ago than the stale period (or never). */
    public boolean stale(CreatorRow row, Instant now) {
        Instant limit = now.minus(config.staleAfter());
        for (StatField field : StatField.values()) {
            Figure figure = row.figure(field);
            if (figure.refreshedAt() == null || figure.refreshedAt().isBefore(limit)) {
                return true;
            }
        }
        return false;
    }

    /** Starts background refreshes of the rows that need one (active, stale, not tried lately). */
    public void refreshIfStale(List<CreatorRow> rows) {
        Instant now = clock.instant();
        List<CreatorRow> due = rows.stream().filter(row -> due(row, now)).toList();
        if (due.isEmpty()) {
            return;
        }
        Instant notAfter = now.minus(config.staleAfter());
        starting.addAndGet(due.size());
        Multi.createFrom()
                .iterable(due)
                .onItem()
                .transformToUni(row -> creators.claimRefresh(row.id(), now, notAfter)
                        .chain(claimed -> claimed
                                ? refreshes.refresh(row.ref(), "background")
                                : Uni.createFrom().<CreatorRefresh>nullItem())
                        .onTermination()
                        .invoke(starting::decrementAndGet))
                .merge(config.backgroundConcurrency())
                .subscribe()
                .with(refresh -> {}, failure -> LOG.warnf("A background refresh failed: %s", failure.getMessage()));
    }

    /** Whether no background refresh is being started or running in this process (metrics, tests). */
    public boolean idle() {
        return starting.get() == 0 && refreshes.idle();
    }

    private boolean due(CreatorRow row, Instant now) {
        if (!row.ref().active() || !stale(row, now) || refreshes.refreshing(row.id())) {
            return false;
        }
        Instant limit = now.minus(config.staleAfter());
        if (row.statsAttemptedAt() != null && row.statsAttemptedAt().isAfter(limit)) {
            return false;
        }
        boolean[] mine = {false};
        tried.compute(row.id(), (id, last) -> {
            if (last == null || last.isBefore(limit)) {
                mine[0] = true;
                return now;
            }
            return last;
        });
        return mine[0];
    }
}
