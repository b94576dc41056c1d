package com.onyxos.stats.service;

import com.onyxos.common.fanvue.DateRange;
import com.onyxos.common.fanvue.model.AgencySubscriberDay;
import com.onyxos.common.fanvue.model.SubscriberDay;
import com.onyxos.stats.client.CreatorAccess;
import com.onyxos.stats.client.CreatorScope;
import com.onyxos.stats.client.FanvueCalls;
import com.onyxos.stats.config.StatsConfig;
import com.onyxos.stats.repository.AudienceRows;
import com.onyxos.stats.repository.CreatorRef;
import com.onyxos.stats.repository.SubscriberDayRow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Subscriber history from Fanvue's daily series: the whole series on a creator's first sync, the last
 * {@code onyx.stats.heartbeat.subscriber-days} days on every heartbeat. For the creators the agency manages the recent
 * days come from one agency listing ({@code /agencies/subscribers-history}, 50 creators a query) instead of a call per
 * creator; a creator it does not cover completely falls back to its own series. Only complete, well-formed answers
 * are written; a failed one keeps the stored days and leaves an anomaly.
 */
@ApplicationScoped
public class AudienceSync {

    static final String STEP = "subscribers";
    private static final String AGENCY_ROUTE = "GET /agencies/subscribers-history";

    private final CreatorAccess access;
    private final AudienceRows rows;
    private final KeptData kept;
    private final StatsConfig config;
    private final Clock clock;

    public AudienceSync(CreatorAccess access, AudienceRows rows, KeptData kept, StatsConfig config, Clock clock) {
        this.access = access;
        this.rows = rows;
        this.kept = kept;
        this.config = config;
        this.clock = clock;
    }

    /** The recent days of the agency's managed creators from one agency listing, by creator; calls counted. */
    public Uni<AgencyDays> agencyRecent(UUID agencyId, List<CreatorRef> creators, FanvueCalls calls) {
        List<CreatorRef> managed =
                creators.stream().filter(c -> "agency".equals(c.seenVia())).toList();
        if (managed.isEmpty()) {
            return Uni.createFrom().item(new AgencyDays(Map.of(), null));
        }
        Map<String, UUID> ids = new HashMap<>();
        managed.forEach(c -> ids.put(c.fanvueUserUuid().toString(), c.id()));
        return access.agency(agencyId, calls)
                .chain(api -> api.agency()
                        .subscribersHistory(recentDays(), List.copyOf(ids.keySet()))
                        .collect()
                        .asList())
                .map(listing -> AgencyDays.of(listing, ids))
                .onFailure()
                .recoverWithItem(failure -> new AgencyDays(Map.of(), AGENCY_ROUTE + ": " + Failures.describe(failure)));
    }

    /**
     * Writes the creator's days: {@code fromAgency} when given (and not its first sync), else its own series.
     *
     * @param firstSync whether the creator has no history yet (its whole series is read)
     */
    public Uni<StepResult> sync(
            CreatorRef creator,
            CreatorScope scope,
            List<SubscriberDayRow> fromAgency,
            boolean firstSync,
            String trigger) {
        if (fromAgency != null && !firstSync) {
            return write(creator, fromAgency, trigger, AGENCY_ROUTE);
        }
        String route = scope.route("/insights/subscribers");
        DateRange range = firstSync ? DateRange.ALL : recentDays();
        return Answer.of(route, scope.data().subscriberSeries(range).collect().asList())
                .chain(answer -> {
                    if (answer.failure() != null) {
                        return kept.kept(creator, trigger, STEP, answer.failed(), null);
                    }
                    List<SubscriberDayRow> days;
                    try {
                        days = days(creator.id(), answer.value());
                    } catch (IllegalArgumentException e) {
                        return kept.kept(
                                creator,
                                trigger,
                                STEP,
                                new Reading.Absent(KeptReason.ERROR, null, Failures.describe(e), route),
                                null);
                    }
                    return write(creator, days, trigger, route);
                });
    }

    private Uni<StepResult> write(CreatorRef creator, List<SubscriberDayRow> days, String trigger, String route) {
        return rows.writeDays(creator.agencyId(), days, config.plausibility().zeroFrom(), trigger + " " + route)
                .map(done -> StepResult.written(STEP, done.written()));
    }

    /** From the start of the UTC day {@code subscriber-days} ago to the end of today. */
    private DateRange recentDays() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Instant end = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new DateRange(end.minus(Duration.ofDays(config.heartbeat().subscriberDays() + 1L)), end);
    }

    private static List<SubscriberDayRow> days(UUID modelId, List<SubscriberDay> series) {
        Map<LocalDate, SubscriberDayRow> byDate = new LinkedHashMap<>();
        for (SubscriberDay day : series) {
            byDate.put(
                    day.date(),
                    new SubscriberDayRow(
                            modelId,
                            day.date(),
                            count(day.total(), "total"),
                            count(day.newSubscribersCount(), "newSubscribersCount"),
                            count(day.cancelledSubscribersCount(), "cancelledSubscribersCount")));
        }
        return List.copyOf(byDate.values());
    }

    static int count(long value, String name) {
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a subscriber " + name + " of " + value);
        }
        return (int) value;
    }

    /**
     * The agency listing's days by creator: only creators it covered with every count.
     *
     * @param byCreator days by creator id
     * @param error why the listing failed, null when it answered
     */
    public record AgencyDays(Map<UUID, List<SubscriberDayRow>> byCreator, String error) {

        static AgencyDays of(List<AgencySubscriberDay> listing, Map<String, UUID> ids) {
            Map<UUID, Map<LocalDate, SubscriberDayRow>> days = new HashMap<>();
            List<UUID> incomplete = new ArrayList<>();
            for (AgencySubscriberDay day : listing) {
                UUID id = ids.get(day.creatorUuid());
                if (id == null) {
                    continue;
                }
                try {
                    if (day.total() == null) {
                        throw new IllegalArgumentException("no total");
                    }
                    days.computeIfAbsent(id, key -> new LinkedHashMap<>())
                            .put(
                                    day.date(),
                                    new SubscriberDayRow(
                                            id,
                                            day.date(),
                                            count(day.total(), "total"),
                                            count(day.newSubscribersCount(), "newSubscribersCount"),
                                            count(day.cancelledSubscribersCount(), "cancelledSubscribersCount")));
                } catch (IllegalArgumentException e) {
                    incomplete.add(id);
                }
            }
            Map<UUID, List<SubscriberDayRow>> byCreator = new HashMap<>();
            days.forEach((id, rows) -> {
                if (!incomplete.contains(id)) {
                    byCreator.put(id, List.copyOf(rows.values()));
                }
            });
            return new AgencyDays(byCreator, null);
        }
    }
}
