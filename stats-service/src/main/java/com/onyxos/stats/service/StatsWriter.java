package com.onyxos.stats.service;

import com.onyxos.stats.config.StatsConfig;
import com.onyxos.stats.domain.StatField;
import com.onyxos.stats.repository.CreatorRef;
import com.onyxos.stats.repository.Figure;
import com.onyxos.stats.repository.FigureChanges;
import com.onyxos.stats.repository.LockedFigures;
import com.onyxos.stats.repository.StatsRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one writer of creators' figures, whatever asked for the write (a refresh, refresh-all, the daily job, an
 * import, later webhooks and earnings): under the creator's row lock it applies {@link NeverZeroRule} to every
 * figure of a {@link StatsReading}, writes what passed in one statement, and leaves an anomaly row for every value
 * it kept. Nothing else writes {@code models}' figure columns.
 */
@ApplicationScoped
public class StatsWriter {

    private static final int MAX_TEXT = 1000;

    private final Pool pool;
    private final StatsRows rows;
    private final StatsCache cache;
    private final NeverZeroRule rule;
    private final StatsMetrics metrics;
    private final Clock clock;

    public StatsWriter(
            Pool pool, StatsRows rows, StatsCache cache, StatsConfig config, StatsMetrics metrics, Clock clock) {
        this.pool = pool;
        this.rows = rows;
        this.cache = cache;
        this.metrics = metrics;
        this.rule = new NeverZeroRule(Plausibility.of(config.plausibility()), config.confirmAfter());
        this.clock = clock;
    }

    /**
     * Writes what {@code reading} may change of the creator's figures; answers per figure what happened, or null
     * when the creator no longer exists.
     *
     * @param trigger what asked (refresh, refresh-all, daily, background, import, ...), recorded with anomalies
     */
    public Uni<CreatorRefresh> write(CreatorRef creator, String trigger, StatsReading reading) {
        return pool.withTransaction(connection -> rows.lock(connection, creator.agencyId(), creator.id())
                        .chain(locked -> locked == null
                                ? Uni.createFrom().<CreatorRefresh>nullItem()
                                : apply(connection, creator, trigger, reading, locked)))
                .invoke(metrics::count)
                .call(() -> cache.invalidate(creator.agencyId(), creator.id()));
    }

    private Uni<CreatorRefresh> apply(
            SqlConnection connection, CreatorRef creator, String trigger, StatsReading reading, LockedFigures locked) {
        Plan plan = new Plan(creator, trigger, clock.instant());
        reading.fields().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> plan.add(entry.getKey(), entry.getValue(), locked));
        return rows.apply(connection, plan.changes(reading.profile())).replaceWith(plan::report);
    }

    /** The changes and the report of one write, built figure by figure. */
    private final class Plan {
        private final CreatorRef creator;
        private final String trigger;
        private final Instant now;
        private final Map<StatField, Long> written = new EnumMap<>(StatField.class);
        private final Map<StatField, FigureChanges.HeldValue> held = new EnumMap<>(StatField.class);
        private final Set<StatField> released = EnumSet.noneOf(StatField.class);
        private final List<FigureChanges.AnomalyRow> anomalies = new ArrayList<>();
        private final List<FieldOutcome> outcomes = new ArrayList<>();

        Plan(CreatorRef creator, String trigger, Instant now) {
            this.creator = creator;
            this.trigger = trigger;
            this.now = now;
        }

        void add(StatField field, Reading reading, LockedFigures locked) {
            Figure stored = locked.figures().getOrDefault(field, Figure.NEVER);
            NeverZeroRule.Decision decision =
                    rule.decide(field, stored, locked.pending().get(field), reading, now);
            String source = clip(trigger + " " + reading.source(), 255);
            if (decision instanceof NeverZeroRule.Decision.Write write) {
                written.put(field, write.value());
                if (write.releasePending()) {
                    released.add(field);
                }
                outcomes.add(
                        new FieldOutcome(field.apiName(), FieldOutcome.REFRESHED, null, write.value(), null, null));
            } else if (decision instanceof NeverZeroRule.Decision.Hold hold) {
                held.put(field, new FigureChanges.HeldValue(hold.value(), source));
                kept(field, stored, source, KeptReason.IMPLAUSIBLE, Long.toString(hold.value()), hold.detail());
            } else {
                NeverZeroRule.Decision.Keep keep = (NeverZeroRule.Decision.Keep) decision;
                kept(field, stored, source, keep.reason(), keep.received(), keep.detail());
            }
        }

        private void kept(
                StatField field, Figure stored, String source, KeptReason reason, String received, String detail) {
            String storedText = stored.value() == null ? null : stored.value().toString();
            anomalies.add(new FigureChanges.AnomalyRow(
                    source,
                    field.apiName(),
                    reason.code(),
                    storedText,
                    clip(received, MAX_TEXT),
                    clip(detail, MAX_TEXT)));
            outcomes.add(new FieldOutcome(
                    field.apiName(), FieldOutcome.KEPT, reason.code(), stored.value(), clip(received, 200), detail));
        }

        FigureChanges changes(StatsReading.Profile profile) {
            FigureChanges.ProfileChange change = null;
            if (profile != null && profile.handle() != null && !profile.handle().isBlank()) {
                change = new FigureChanges.ProfileChange(
                        clip(profile.handle().trim(), 255), profile.displayName(), profile.avatarUrl());
            }
            return new FigureChanges(creator.agencyId(), creator.id(), now, written, change, anomalies, held, released);
        }

        CreatorRefresh report() {
            return new CreatorRefresh(creator.id(), creator.handle(), false, now, outcomes);
        }
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
