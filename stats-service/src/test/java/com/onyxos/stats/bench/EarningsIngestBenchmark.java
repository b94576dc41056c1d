package com.onyxos.stats.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.simulator.SimulatorSettings;
import com.onyxos.stats.repository.CreatorQueries;
import com.onyxos.stats.repository.CreatorRef;
import com.onyxos.stats.repository.EarningsWriter;
import com.onyxos.stats.repository.TransactionRow;
import com.onyxos.stats.service.BackgroundRefresh;
import com.onyxos.stats.service.EarningsPass;
import com.onyxos.stats.service.EarningsSync;
import com.onyxos.stats.testing.MutableClock;
import com.onyxos.stats.testing.StatsDb;
import com.onyxos.stats.testing.StatsWorld;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Earnings ingest figures (left out of the normal build): the database write alone (the writer's one-statement
 * batches into {@code fanvue_transactions}), then end to end from the simulator (cursor pages of 50, no latency, its
 * rate limit lifted with {@code -Donyx.test.fanvue-simulator.rate-limit=1000000}: this measures our side, not
 * Fanvue's 200 requests per minute), and the re-sync of unchanged rows (0 written). Run it alone:
 * {@code flock /tmp/onyx-maven.lock ./mvnw -B -ntp -pl common,fanvue-simulator,stats-service verify
 * -Dgroups=benchmark -DexcludedGroups= -Dtest=EarningsIngestBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Donyx.test.fanvue-simulator.rate-limit=1000000}.
 */
@QuarkusTest
@TestProfile(IngestProfile.class)
@Tag("benchmark")
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class EarningsIngestBenchmark {

    private static final int CREATORS = Integer.getInteger("bench.ingest.creators", 10);
    private static final int DB_ROWS_PER_CREATOR = Integer.getInteger("bench.ingest.db-rows", 50_000);
    private static final int SIM_ROWS_PER_CREATOR = Integer.getInteger("bench.ingest.sim-rows", 20_000);
    private static final int BATCH = Integer.getInteger("bench.ingest.batch", 2000);
    private static final int DB_CONCURRENCY = Integer.getInteger("bench.ingest.db-concurrency", 4);
    private static final String[] SOURCES = {"subscription", "renewal", "message", "tip", "post", "referral"};

    @Inject
    BackgroundRefresh background;

    @Inject
    EarningsWriter writer;

    @Inject
    EarningsSync sync;

    @Inject
    CreatorQueries creators;

    @Inject
    MutableClock clock;

    @Test
    void figures() {
        // Without the lifted limit this would measure the simulator's 200 requests per minute, not us.
        Assumptions.assumeTrue(
                Integer.getInteger(FanvueSimulatorResource.RATE_LIMIT_PROPERTY, 0) >= 100_000,
                "run with -D" + FanvueSimulatorResource.RATE_LIMIT_PROPERTY + "=1000000");
        // The simulator's history ends at its fixed "now" and spans 89 days: our clock is set there, so the first sync
        // asks for the production default of 90 days and finds every row (and cuts the window into slices).
        StatsWorld world = StatsWorld.connected(Map.of(
                "agencies", 2, "creatorsPerAgency", CREATORS, "earningsPerCreator", SIM_ROWS_PER_CREATOR, "days", 89));
        clock.reset();
        clock.advance(
                Duration.between(clock.instant(), SimulatorSettings.defaults().now()));
        List<UUID> ids = world.importCreators(background);
        databaseWrite(world, ids);
        StatsDb.update("truncate fanvue_transactions");
        StatsDb.update("delete from stats_earnings_sync");
        endToEnd(world, ids);
    }

    private void databaseWrite(StatsWorld world, List<UUID> ids) {
        UUID agency = world.tenants.agencyA();
        List<List<TransactionRow>> batches = new ArrayList<>();
        Instant start = Instant.parse("2025-12-01T00:00:00Z");
        for (UUID creator : ids) {
            List<TransactionRow> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < DB_ROWS_PER_CREATOR; i++) {
                batch.add(row(creator, i, start.plusSeconds(600L * i)));
                if (batch.size() == BATCH) {
                    batches.add(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                batches.add(batch);
            }
        }
        for (int round = 1; round <= 2; round++) {
            long written = write(agency, ids, batches, round == 1 ? "insert" : "unchanged re-write");
            assertThat(written).isEqualTo(round == 1 ? (long) DB_ROWS_PER_CREATOR * ids.size() : 0);
        }
    }

    private long write(UUID agency, List<UUID> ids, List<List<TransactionRow>> batches, String what) {
        int perCreator = batches.size() / ids.size();
        CpuSplit cpu = CpuSplit.now();
        long started = System.nanoTime();
        long written = Multi.createFrom()
                .range(0, batches.size())
                .onItem()
                .transformToUni(i -> writer.write(agency, ids.get(i / perCreator), batches.get(i)))
                .merge(DB_CONCURRENCY)
                .collect()
                .with(java.util.stream.Collectors.summingLong(Integer::longValue))
                .await()
                .atMost(Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - started) / 1e9;
        long rows = batches.stream().mapToLong(List::size).sum();
        System.out.printf(
                "BENCH ingest database write (%s): %d rows in %d batches of %d (%d at once) in %.2f s = %.0f rows/s,"
                        + " %d written; %s%n",
                what,
                rows,
                batches.size(),
                BATCH,
                DB_CONCURRENCY,
                seconds,
                rows / seconds,
                written,
                CpuSplit.now().since(cpu));
        return written;
    }

    private void endToEnd(StatsWorld world, List<UUID> ids) {
        List<CreatorRef> refs = ids.stream()
                .map(id -> creators.ref(world.tenants.agencyA(), id).await().indefinitely())
                .toList();
        for (int round = 1; round <= 3; round++) {
            if (round == 3) {
                // A full re-read of unchanged rows: every row compared, none written.
                StatsDb.update("update stats_earnings_sync set backfilled = false, high_water_mark = null");
            }
            CpuSplit cpu = CpuSplit.now();
            long started = System.nanoTime();
            List<EarningsPass> passes = Multi.createFrom()
                    .iterable(refs)
                    .onItem()
                    .transformToUni(ref -> sync.sync(ref))
                    .merge(refs.size())
                    .collect()
                    .asList()
                    .await()
                    .atMost(Duration.ofMinutes(10));
            double seconds = (System.nanoTime() - started) / 1e9;
            long seen = passes.stream().mapToLong(EarningsPass::rowsSeen).sum();
            long written = passes.stream().mapToLong(EarningsPass::rowsWritten).sum();
            assertThat(passes).allMatch(EarningsPass::succeeded);
            System.out.printf(
                    "BENCH ingest end to end (%s): %d creators, %d rows read, %d written in %.2f s = %.0f rows/s"
                            + " read; %s%n",
                    round == 1 ? "first sync" : round == 2 ? "incremental re-sync" : "full re-read, unchanged",
                    refs.size(),
                    seen,
                    written,
                    seconds,
                    seen / seconds,
                    CpuSplit.now().since(cpu));
            if (round > 1) {
                assertThat(written).isZero();
            }
        }
    }

    private static TransactionRow row(UUID creator, int i, Instant date) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String source = SOURCES[i % SOURCES.length];
        String order = creator + "-" + i;
        long gross = 500 + random.nextInt(5000);
        long millis = System.currentTimeMillis();
        UUID id = new UUID(
                (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL),
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        return new TransactionRow(
                id,
                order,
                order + "|s|" + date + "|" + source,
                source,
                "completed",
                "sale",
                date,
                gross,
                gross * 8 / 10,
                "USD",
                null,
                null,
                null,
                null);
    }
}
