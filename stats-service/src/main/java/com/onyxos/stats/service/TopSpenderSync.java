package com.onyxos.stats.service;

import com.onyxos.common.fanvue.DateRange;
import com.onyxos.common.fanvue.model.TopSpender;
import com.onyxos.stats.client.CreatorScope;
import com.onyxos.stats.config.StatsConfig;
import com.onyxos.stats.repository.CreatorRef;
import com.onyxos.stats.repository.SpenderRow;
import com.onyxos.stats.repository.TopSpenderRows;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A creator's top spenders from Fanvue's listing, all time and the recent window (one page each, the top
 * {@code onyx.stats.heartbeat.top-spenders}), each fan cross-checked against our synced earnings. A complete answer
 * replaces the stored listing (writing only the fans that changed); a failed one, or an empty one where the stored
 * listing (all time) or our synced earnings (the recent window) say there are spenders, keeps it and leaves an
 * anomaly.
 */
@ApplicationScoped
public class TopSpenderSync {

    /** The windows kept, as {@code top_spenders.period} names them. */
    public static final String ALL_TIME = "all_time";

    public static final String RECENT = "30d";

    /** A window's step is this and its period, e.g. {@code topSpenders.30d}. */
    static final String STEP_PREFIX = "topSpenders.";

    private final TopSpenderRows rows;
    private final KeptData kept;
    private final StatsConfig config;
    private final Clock clock;

    public TopSpenderSync(TopSpenderRows rows, KeptData kept, StatsConfig config, Clock clock) {
        this.rows = rows;
        this.kept = kept;
        this.config = config;
        this.clock = clock;
    }

    /** Both windows of the creator, side by side. */
    public Uni<List<StepResult>> sync(CreatorRef creator, CreatorScope scope, String trigger) {
        Instant now = clock.instant();
        Instant recentStart = now.minus(Duration.ofDays(config.heartbeat().recentDays()));
        return Uni.combine()
                .all()
                .unis(
                        window(creator, scope, ALL_TIME, null, now, trigger),
                        window(creator, scope, RECENT, recentStart, now, trigger))
                .with((allTime, recent) -> List.of(allTime, recent));
    }

    private Uni<StepResult> window(
            CreatorRef creator, CreatorScope scope, String period, Instant start, Instant now, String trigger) {
        String step = STEP_PREFIX + period;
        String route = scope.route("/insights/top-spenders");
        DateRange range = start == null ? DateRange.ALL : new DateRange(start, now);
        return Answer.of(
                        route,
                        scope.data().topSpendersPage(range, config.heartbeat().topSpenders()))
                .chain(answer -> {
                    if (answer.failure() != null) {
                        return kept.kept(creator, trigger, step, answer.failed(), null);
                    }
                    List<SpenderRow> listing;
                    try {
                        listing = listing(answer.value());
                    } catch (IllegalArgumentException e) {
                        return kept.kept(
                                creator,
                                trigger,
                                step,
                                new Reading.Absent(KeptReason.ERROR, null, Failures.describe(e), route),
                                null);
                    }
                    if (!listing.isEmpty()) {
                        return replace(creator, period, start, listing, now, step);
                    }
                    return emptyListing(creator, period, start, now, step, route, trigger);
                });
    }

    /** An empty listing replaces a stored one only where nothing says the creator has spenders in the window. */
    private Uni<StepResult> emptyListing(
            CreatorRef creator, String period, Instant start, Instant now, String step, String route, String trigger) {
        return rows.stored(creator.id(), period).chain(stored -> {
            if (stored == 0) {
                // Nothing to lose: the empty listing is the answer (its freshness recorded, no row written).
                return replace(creator, period, start, List.of(), now, step);
            }
            Uni<Boolean> contradicted =
                    start == null ? Uni.createFrom().item(true) : rows.syncedSpendSince(creator.id(), start);
            return contradicted.chain(yes -> yes
                    ? kept.kept(
                            creator,
                            trigger,
                            step,
                            new Reading.Absent(
                                    KeptReason.EMPTY,
                                    "[]",
                                    "an empty listing while " + stored + " spenders are stored"
                                            + (start == null ? "" : " and synced earnings show sales to fans"),
                                    route),
                            Integer.toString(stored))
                    : replace(creator, period, start, List.of(), now, step));
        });
    }

    private Uni<StepResult> replace(
            CreatorRef creator, String period, Instant start, List<SpenderRow> listing, Instant now, String step) {
        return rows.replace(creator.agencyId(), creator.id(), period, start, listing, now)
                .map(done -> StepResult.written(step, done.written() + done.removed()));
    }

    private static List<SpenderRow> listing(List<TopSpender> page) {
        List<SpenderRow> listing = new ArrayList<>();
        Set<UUID> seen = new LinkedHashSet<>();
        for (TopSpender spender : page) {
            UUID fan = UUID.fromString(spender.user().uuid());
            if (spender.messages() != null && spender.messages() < 0) {
                throw new IllegalArgumentException("a negative message count for fan " + fan);
            }
            if (seen.add(fan)) {
                listing.add(new SpenderRow(
                        fan,
                        spender.user().handle(),
                        spender.user().displayName(),
                        spender.gross(),
                        spender.net(),
                        spender.messages(),
                        listing.size() + 1));
            }
        }
        return listing;
    }
}
