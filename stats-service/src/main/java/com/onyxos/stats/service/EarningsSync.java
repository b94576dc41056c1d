package com.onyxos.stats.service;

import com.onyxos.common.fanvue.DateRange;
import com.onyxos.common.fanvue.model.Earning;
import com.onyxos.stats.client.CreatorAccess;
import com.onyxos.stats.client.CreatorScope;
import com.onyxos.stats.config.StatsConfig;
import com.onyxos.stats.repository.CreatorRef;
import com.onyxos.stats.repository.EarningsSyncState;
import com.onyxos.stats.repository.EarningsSyncState.SyncPosition;
import com.onyxos.stats.repository.EarningsWriter;
import com.onyxos.stats.repository.TransactionRow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over a creator's Fanvue earnings into {@code fanvue_transactions}: the first pass backfills
 * {@code onyx.stats.earnings.backfill-days}, later ones start at the high-water mark minus the overlap (so rows Fanvue
 * reports late and status changes inside it are picked up). Pages are gathered into batches and each batch is one
 * idempotent upsert; the mark moves only when every page was read and written, so a pass that dies half way leaves
 * rows that the next pass finds again (no duplicate: the key; no gap: the mark did not move).
 */
@ApplicationScoped
public class EarningsSync {

    private final CreatorAccess access;
    private final EarningsSyncState state;
    private final EarningsWriter writer;
    private final StatsConfig config;
    private final Clock clock;

    public EarningsSync(
            CreatorAccess access, EarningsSyncState state, EarningsWriter writer, StatsConfig config, Clock clock) {
        this.access = access;
        this.state = state;
        this.writer = writer;
        this.config = config;
        this.clock = clock;
    }

    /** Syncs the creator's earnings now; never fails (a failed pass is an outcome, recorded on the creator). */
    public Uni<EarningsPass> sync(CreatorRef creator) {
        return pass(creator, access.open(creator));
    }

    /** The same with the creator's data already opened (the heartbeat opens it once for every step). */
    public Uni<EarningsPass> sync(CreatorRef creator, CreatorScope scope) {
        return pass(creator, Uni.createFrom().item(scope));
    }

    private Uni<EarningsPass> pass(CreatorRef creator, Uni<CreatorScope> opened) {
        Instant now = clock.instant();
        return state.start(creator.agencyId(), creator.id(), now).chain(position -> {
            Instant start = windowStart(position, now);
            Tally tally = new Tally(now);
            return opened.chain(scope -> read(creator, scope, start, tally))
                    .chain(() -> state.succeeded(
                            creator.id(), tally.newest, start, tally.seen, tally.written, clock.instant()))
                    .replaceWith(() -> EarningsPass.succeeded(creator, start, tally.seen, tally.written))
                    .onFailure()
                    .recoverWithUni(failure -> failed(creator, start, tally, Failures.describe(failure)));
        });
    }

    /** The first pass backfills; later ones start an overlap before the newest row they read. */
    Instant windowStart(SyncPosition position, Instant now) {
        StatsConfig.Earnings earnings = config.earnings();
        if (!position.backfilled()) {
            return earnings.backfillDays() == 0 ? null : now.minus(Duration.ofDays(earnings.backfillDays()));
        }
        if (position.highWaterMark() == null) {
            return position.coveredFrom();
        }
        Instant start = position.highWaterMark().minus(earnings.overlap());
        return position.coveredFrom() != null && start.isBefore(position.coveredFrom())
                ? position.coveredFrom()
                : start;
    }

    private Uni<Void> read(CreatorRef creator, CreatorScope scope, Instant start, Tally tally) {
        DateRange range = start == null ? DateRange.ALL : new DateRange(start, null);
        return scope.data()
                .earnings(range, List.of())
                .map(earning -> tally.saw(earning))
                .group()
                .intoLists()
                .of(config.earnings().batchRows())
                .onItem()
                .transformToUniAndConcatenate(batch -> writer.write(creator.agencyId(), creator.id(), unique(batch))
                        .invoke(written -> tally.written += written))
                .onItem()
                .ignoreAsUni();
    }

    private Uni<EarningsPass> failed(CreatorRef creator, Instant start, Tally tally, String error) {
        return state.failed(creator.id(), error, tally.seen, tally.written, clock.instant())
                .onFailure()
                .recoverWithNull()
                .replaceWith(EarningsPass.failed(creator, start, tally.seen, tally.written, error));
    }

    /**
     * The batch with each row once: an offset-paged listing that moves while it is read may repeat a row, and one
     * statement may not update a row twice.
     */
    private static List<TransactionRow> unique(List<TransactionRow> batch) {
        Map<String, TransactionRow> byKey = new LinkedHashMap<>();
        for (TransactionRow row : batch) {
            byKey.put(row.date() + " " + row.dedupKey(), row);
        }
        return byKey.size() == batch.size() ? batch : List.copyOf(byKey.values());
    }

    /** What one pass read and wrote (its steps run one after the other). */
    private static final class Tally {
        private final Instant now;
        private int seen;
        private int written;
        private Instant newest;

        Tally(Instant now) {
            this.now = now;
        }

        TransactionRow saw(Earning earning) {
            TransactionRow row = EarningRows.of(earning);
            seen++;
            // A row dated ahead of our clock must not move the mark past rows still to come.
            Instant date = row.date().isAfter(now) ? now : row.date();
            newest = newest == null || date.isAfter(newest) ? date : newest;
            return row;
        }
    }
}
