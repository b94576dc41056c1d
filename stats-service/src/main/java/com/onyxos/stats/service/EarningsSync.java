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
import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One pass over a creator's Fanvue earnings into {@code fanvue_transactions}: the first pass backfills
 * {@code onyx.stats.earnings.backfill-days}, later ones start at the high-water mark minus the overlap (so rows Fanvue
 * reports late and status changes inside it are picked up). A long window is read in time slices side by side; pages
 * are gathered into batches, each one idempotent statement, written while the reads go on; the mark moves only when
 * every page was read and written, so a pass that dies half way leaves rows that the next pass finds again (no
 * duplicate: the key; no gap: the mark did not move).
 */
@ApplicationScoped
public class EarningsSync {

    /** Fanvue's largest page (the client's page size): fewer rows than this on a first page is the whole window. */
    private static final int PAGE = 50;

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
                            creator.id(), tally.newest(), start, tally.seen(), tally.written(), clock.instant()))
                    .replaceWith(() -> EarningsPass.succeeded(creator, start, tally.seen(), tally.written()))
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

    /**
     * Reads the window, in slices side by side when it is long (see {@link EarningsSlices}) and holds more than one
     * page: a first page of the whole window decides, so a creator whose window fits one page still costs one call.
     */
    private Uni<Void> read(CreatorRef creator, CreatorScope scope, Instant start, Tally tally) {
        StatsConfig.Earnings earnings = config.earnings();
        List<DateRange> slices = EarningsSlices.of(start, tally.now, earnings.slices(), earnings.minSlice());
        if (slices.size() == 1) {
            return writeAll(creator, List.of(batches(scope, slices.get(0), tally)), tally);
        }
        return scope.data()
                .earnings(new DateRange(start, null), List.of())
                .select()
                .first(PAGE)
                .collect()
                .asList()
                .chain(page -> writeAll(
                        creator, page.size() < PAGE ? List.of(onePage(page)) : sliced(scope, slices, tally), tally));
    }

    /**
     * Writes the batches of the sources (read side by side; each source's batches span its own dates, so a batch's
     * plain-insert check covers no other slice), up to {@code write-concurrency} batches while the sources read on,
     * bounded by Mutiny's demand. When a read fails, the batches already being written finish (and are counted)
     * before the pass fails; when a write fails, the reads stop at their next row.
     */
    private Uni<Void> writeAll(CreatorRef creator, List<Multi<List<TransactionRow>>> sources, Tally tally) {
        return Multi.createFrom()
                .iterable(sources)
                .onItem()
                .transformToMulti(source -> source)
                .merge(sources.size())
                .onItem()
                .transformToUni(batch -> write(creator, tally.saw(batch), tally))
                .collectFailures()
                .merge(config.earnings().writeConcurrency())
                .onItem()
                .ignoreAsUni()
                .onFailure()
                .transform(EarningsSync::cause);
    }

    private List<Multi<List<TransactionRow>>> sliced(CreatorScope scope, List<DateRange> slices, Tally tally) {
        return slices.stream().map(slice -> batches(scope, slice, tally)).toList();
    }

    private static Multi<List<TransactionRow>> onePage(List<Earning> page) {
        return Multi.createFrom()
                .item(() -> page.stream().map(EarningRows::of).toList())
                .select()
                .where(batch -> !batch.isEmpty());
    }

    private Multi<List<TransactionRow>> batches(CreatorScope scope, DateRange slice, Tally tally) {
        return scope.data()
                .earnings(slice, List.of())
                .map(earning -> tally.unlessWriteFailed(EarningRows.of(earning)))
                .group()
                .intoLists()
                .of(config.earnings().batchRows());
    }

    private Uni<Integer> write(CreatorRef creator, List<TransactionRow> batch, Tally tally) {
        return writer.write(creator.agencyId(), creator.id(), unique(batch))
                .invoke(tally::wrote)
                .onFailure()
                .invoke(tally::writeFailed);
    }

    /** The failure that ended the pass, not the reads it stopped. */
    private static Throwable cause(Throwable failure) {
        if (failure instanceof CompositeException composite) {
            return composite.getCauses().stream()
                    .filter(cause -> !(cause instanceof StoppedByWriteFailure))
                    .findFirst()
                    .orElse(failure);
        }
        return failure;
    }

    private Uni<EarningsPass> failed(CreatorRef creator, Instant start, Tally tally, String error) {
        return state.failed(creator.id(), error, tally.seen(), tally.written(), clock.instant())
                .onFailure()
                .recoverWithNull()
                .replaceWith(() -> EarningsPass.failed(creator, start, tally.seen(), tally.written(), error));
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

    /**
     * What one pass read and wrote. Batches come from slices read on several threads; Mutiny's merge hands them on
     * one at a time, but the counts are read after the pass from another thread, hence the atomics.
     */
    private static final class Tally {
        private final Instant now;
        private final AtomicInteger seen = new AtomicInteger();
        private final AtomicInteger written = new AtomicInteger();
        private final AtomicReference<Instant> newest = new AtomicReference<>();
        private volatile boolean writeFailed;

        Tally(Instant now) {
            this.now = now;
        }

        List<TransactionRow> saw(List<TransactionRow> batch) {
            seen.addAndGet(batch.size());
            for (TransactionRow row : batch) {
                // A row dated ahead of our clock must not move the mark past rows still to come.
                Instant date = row.date().isAfter(now) ? now : row.date();
                newest.accumulateAndGet(date, (a, b) -> a == null || b.isAfter(a) ? b : a);
            }
            return batch;
        }

        void wrote(int rows) {
            written.addAndGet(rows);
        }

        void writeFailed(Throwable failure) {
            writeFailed = true;
        }

        TransactionRow unlessWriteFailed(TransactionRow row) {
            if (writeFailed) {
                throw new StoppedByWriteFailure();
            }
            return row;
        }

        int seen() {
            return seen.get();
        }

        int written() {
            return written.get();
        }

        Instant newest() {
            return newest.get();
        }
    }

    /** Ends a slice's reading once a batch failed to be written: the pass fails with the write's failure. */
    private static final class StoppedByWriteFailure extends RuntimeException {
        StoppedByWriteFailure() {
            super("reading stopped: a batch could not be written", null, false, false);
        }
    }
}
