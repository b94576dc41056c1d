package com.onyxos.stats.service;

import com.onyxos.stats.client.FanvueCalls;
import com.onyxos.stats.config.StatsConfig;
import com.onyxos.stats.repository.CreatorQueries;
import com.onyxos.stats.repository.CreatorRef;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Refreshes creators' figures: read Fanvue ({@link FanvueStatsReader}), fill revenue Fanvue did not give from synced
 * earnings ({@link DerivedRevenue}), write through {@link StatsWriter}. One refresh
 * per creator at a time in this process: a request for a creator already refreshing joins the running refresh.
 * Agency-wide refreshes run creators in parallel, at most {@code onyx.stats.refresh-concurrency} at once; the
 * Fanvue client paces each creator's rate bucket, so a normal refresh-all is never answered 429.
 */
@ApplicationScoped
public class StatsRefreshService {

    private static final Logger LOG = Logger.getLogger(StatsRefreshService.class);

    private final CreatorQueries creators;
    private final FanvueStatsReader reader;
    private final DerivedRevenue derived;
    private final StatsWriter writer;
    private final StatsConfig config;
    private final Clock clock;
    private final Map<UUID, CompletableFuture<CreatorRefresh>> running = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();

    public StatsRefreshService(
            CreatorQueries creators,
            FanvueStatsReader reader,
            DerivedRevenue derived,
            StatsWriter writer,
            StatsConfig config,
            Clock clock) {
        this.creators = creators;
        this.reader = reader;
        this.derived = derived;
        this.writer = writer;
        this.config = config;
        this.clock = clock;
    }

    /** Refreshes the creator, or joins its refresh already running here; null when the creator is gone. */
    public Uni<CreatorRefresh> refresh(CreatorRef creator, String trigger) {
        return refresh(creator, trigger, FanvueCalls.NONE);
    }

    /** The same, the Fanvue calls of a refresh this call starts counted in {@code calls} (a joined one's are not). */
    public Uni<CreatorRefresh> refresh(CreatorRef creator, String trigger, FanvueCalls calls) {
        CompletableFuture<CreatorRefresh> mine = new CompletableFuture<>();
        CompletableFuture<CreatorRefresh> existing = running.putIfAbsent(creator.id(), mine);
        if (existing != null) {
            return Uni.createFrom()
                    .completionStage(existing)
                    .map(refresh -> refresh == null ? null : refresh.asJoined());
        }
        // Started detached from the caller: a caller that goes away does not cancel what others may have joined.
        creators.markAttempted(creator.id(), clock.instant())
                .chain(() -> reader.read(creator, calls))
                .chain(reading -> derived.fill(creator, reading))
                .chain(reading -> writer.write(creator, trigger, reading))
                .subscribe()
                .with(
                        refresh -> {
                            running.remove(creator.id(), mine);
                            mine.complete(refresh);
                        },
                        failure -> {
                            running.remove(creator.id(), mine);
                            LOG.errorf(failure, "Refresh of creator %s failed", creator.id());
                            mine.completeExceptionally(failure);
                        });
        return Uni.createFrom().completionStage(mine);
    }

    /** Whether a refresh of the creator is running in this process. */
    public boolean refreshing(UUID creatorId) {
        return running.containsKey(creatorId);
    }

    /** Whether no refresh is running or waiting for its turn in this process (metrics, tests). */
    public boolean idle() {
        return running.isEmpty() && waiting.get() == 0;
    }

    /** Refreshes every active creator of the agency, bounded; answers by handle. */
    public Uni<List<CreatorRefresh>> refreshAll(UUID agencyId, String trigger) {
        return creators.active(agencyId).chain(list -> refreshEach(list, trigger, config.refreshConcurrency()));
    }

    /** Refreshes the creators given, at most {@code concurrency} at once. */
    public Uni<List<CreatorRefresh>> refreshEach(List<CreatorRef> list, String trigger, int concurrency) {
        waiting.addAndGet(list.size());
        return Multi.createFrom()
                .iterable(list)
                .onItem()
                .transformToUni(
                        creator -> refresh(creator, trigger).onTermination().invoke(waiting::decrementAndGet))
                .merge(concurrency)
                .collect()
                .asList()
                .map(refreshes -> refreshes.stream()
                        .sorted(Comparator.comparing(CreatorRefresh::handle, String.CASE_INSENSITIVE_ORDER)
                                .thenComparing(CreatorRefresh::creatorId))
                        .toList());
    }
}
