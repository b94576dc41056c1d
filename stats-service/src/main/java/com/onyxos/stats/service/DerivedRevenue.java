package com.onyxos.stats.service;

import com.onyxos.stats.domain.StatField;
import com.onyxos.stats.repository.CreatorRef;
import com.onyxos.stats.repository.EarningsQueries;
import com.onyxos.stats.repository.EarningsQueries.SyncedTotals;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/**
 * Fills a creator's revenue totals from synced earnings where Fanvue's answer lacks them (never the reverse: a
 * figure Fanvue sent is never replaced). Over a complete history (the first sync read everything) the synced sum is
 * the figure; over a backfill window it is a lower bound ({@link Reading.Floor}), which the never-zero rule writes
 * only where it does not lower the stored value.
 */
@ApplicationScoped
public class DerivedRevenue {

    private final EarningsQueries earnings;

    public DerivedRevenue(EarningsQueries earnings) {
        this.earnings = earnings;
    }

    /** The reading with absent revenue figures filled from synced earnings, when there are any. */
    public Uni<StatsReading> fill(CreatorRef creator, StatsReading reading) {
        boolean grossMissing = reading.fields().get(StatField.REVENUE_TOTAL) instanceof Reading.Absent;
        boolean netMissing = reading.fields().get(StatField.REVENUE_NET_TOTAL) instanceof Reading.Absent;
        if (!grossMissing && !netMissing) {
            return Uni.createFrom().item(reading);
        }
        return earnings.syncedTotals(creator.id()).map(totals -> {
            if (totals == null || totals.rows() == 0) {
                return reading;
            }
            Map<StatField, Reading> fields = new EnumMap<>(StatField.class);
            fields.putAll(reading.fields());
            if (grossMissing) {
                fields.put(StatField.REVENUE_TOTAL, derived(totals, totals.gross(), reading, StatField.REVENUE_TOTAL));
            }
            if (netMissing) {
                fields.put(
                        StatField.REVENUE_NET_TOTAL,
                        derived(totals, totals.net(), reading, StatField.REVENUE_NET_TOTAL));
            }
            return new StatsReading(fields, reading.profile());
        });
    }

    private static Reading derived(SyncedTotals totals, long value, StatsReading reading, StatField field) {
        if (totals.coveredFrom() == null) {
            return new Reading.Value(value, "synced earnings (complete history)");
        }
        return new Reading.Floor(value, "synced earnings since " + totals.coveredFrom(), (Reading.Absent)
                reading.fields().get(field));
    }
}
