package com.onyxos.stats.service;

import com.onyxos.stats.client.CreatorAccess;
import com.onyxos.stats.client.CreatorScope;
import com.onyxos.stats.client.FanvueCalls;
import com.onyxos.stats.config.StatsConfig;
import com.onyxos.stats.repository.AudienceRows;
import com.onyxos.stats.repository.CreatorQueries;
import com.onyxos.stats.repository.CreatorRef;
import com.onyxos.stats.repository.EarningsRollups;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The revenue heartbeat of one agency: the recent subscriber days of its managed creators in one agency listing,
 * then for every active creator (bounded concurrency, each in its own Fanvue rate bucket) the earnings increment,
 * then its subscriber days, top spenders and tracking links side by side, then its figures through the never-zero
 * writer (revenue Fanvue does not give filled from the earnings just synced) and the day's follower figure; finally
 * the agency's rollups for the dates the syncs wrote. Every step keeps stored data when its answer fails. Each run
 * counts its Fanvue calls and is measured in {@link StatsMetrics} (time by outcome, calls, rows per step, failed
 * steps).
 */
@ApplicationScoped
public class RevenueHeartbeat {

    private final CreatorQueries creators;
    private final CreatorAccess access;
    private final EarningsSync earnings;
    private final AudienceSync audience;
    private final AudienceRows audienceRows;
    private final TopSpenderSync spenders;
    private final TrackingLinkSync links;
    private final StatsRefreshService refreshes;
    private final EarningsRollups rollups;
    private final StatsMetrics metrics;
    private final StatsConfig config;
    private final Clock clock;

    public RevenueHeartbeat(
            CreatorQueries creators,
            CreatorAccess access,
            EarningsSync earnings,
            AudienceSync audience,
            AudienceRows audienceRows,
            TopSpenderSync spenders,
            TrackingLinkSync links,
            StatsRefreshService refreshes,
            EarningsRollups rollups,
            StatsMetrics metrics,
            StatsConfig config,
            Clock clock) {
        this.creators = creators;
        this.access = access;
        this.earnings = earnings;
        this.audience = audience;
        this.audienceRows = audienceRows;
        this.spenders = spenders;
        this.links = links;
        this.refreshes = refreshes;
        this.rollups = rollups;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    /** One heartbeat of the agency; answers what every creator's steps did. */
    public Uni<HeartbeatResult> run(UUID agencyId, String trigger) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            FanvueCalls calls = FanvueCalls.counting();
            return beat(agencyId, trigger, calls)
                    .invoke(result -> metrics.heartbeat(result, calls.count(), System.nanoTime() - started))
                    .onFailure()
                    .invoke(failure -> metrics.heartbeatFailed(calls.count(), System.nanoTime() - started));
        });
    }

    private Uni<HeartbeatResult> beat(UUID agencyId, String trigger, FanvueCalls calls) {
        return creators.active(agencyId)
                .chain(active -> audience.agencyRecent(agencyId, active, calls).chain(recent -> audienceRows
                        .withoutHistory(active.stream().map(CreatorRef::id).toList())
                        .chain(first -> each(active, recent, first, trigger, calls))
                        .call(() -> rollups.refresh(agencyId))
                        .map(beats -> HeartbeatResult.of(agencyId, beats, recent.error(), calls.count()))));
    }

    private Uni<List<CreatorBeat>> each(
            List<CreatorRef> active,
            AudienceSync.AgencyDays recent,
            Set<UUID> firstSync,
            String trigger,
            FanvueCalls calls) {
        return Multi.createFrom()
                .iterable(active)
                .onItem()
                .transformToUni(creator -> creator(creator, recent, firstSync.contains(creator.id()), trigger, calls))
                .merge(config.heartbeat().concurrency())
                .collect()
                .asList();
    }

    private Uni<CreatorBeat> creator(
            CreatorRef creator, AudienceSync.AgencyDays recent, boolean firstSync, String trigger, FanvueCalls calls) {
        return access.open(creator, calls)
                .chain(scope -> earnings.sync(creator, scope)
                        .chain(pass -> data(creator, scope, recent, firstSync, trigger)
                                .map(steps -> withEarnings(pass, steps))))
                .onFailure()
                .recoverWithItem(
                        failure -> List.of(StepResult.kept("fanvue", KeptReason.ERROR, Failures.describe(failure))))
                .chain(steps -> refreshes
                        .refresh(creator, trigger, calls)
                        .call(() -> audienceRows.recordFollowers(creator.agencyId(), creator.id(), clock.instant()))
                        .map(refresh -> new CreatorBeat(creator.id(), creator.handle(), steps, refresh)));
    }

    private Uni<List<StepResult>> data(
            CreatorRef creator, CreatorScope scope, AudienceSync.AgencyDays recent, boolean firstSync, String trigger) {
        return Uni.combine()
                .all()
                .unis(
                        audience.sync(creator, scope, recent.byCreator().get(creator.id()), firstSync, trigger),
                        spenders.sync(creator, scope, trigger),
                        links.sync(creator, scope, trigger))
                .with((subscribers, topSpenders, trackingLinks) -> {
                    List<StepResult> steps = new ArrayList<>();
                    steps.add(subscribers);
                    steps.addAll(topSpenders);
                    steps.add(trackingLinks);
                    return steps;
                });
    }

    private static List<StepResult> withEarnings(EarningsPass pass, List<StepResult> steps) {
        List<StepResult> all = new ArrayList<>();
        all.add(
                pass.succeeded()
                        ? StepResult.written("earnings", pass.rowsWritten())
                        : StepResult.kept("earnings", KeptReason.ERROR, pass.error()));
        all.addAll(steps);
        return all;
    }
}
