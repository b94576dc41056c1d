package com.onyxos.vault.bench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.common.fanvue.FanvueClientConfig;
import com.onyxos.common.testing.CpuTime;
import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.SimulatorAdmin;
import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.vault.config.VaultSyncConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints how fast an agency's vault syncs against a Fanvue that answers in 30 ms, with Fanvue's 200 requests per
 * 60 s buckets: 100 creators × 1,000 media (issue 5's "Numbers"). A benchmark, not a timed test: it asserts only
 * that the work was done (every asset, no 429, nothing written by the unchanged re-sync) and prints the figures.
 * Excluded from the normal build; run it with
 * {@code ./mvnw -pl common,fanvue-simulator,vault-sync-service verify -Dgroups=benchmark -DexcludedGroups=}.
 *
 * <p>Rounds: a cold full sync (first after the JVM started, JIT not warm); then, each time after emptying the vault
 * and resetting the simulator to the same world, a full sync and an unchanged re-sync: {@code bench.warm-ups} such
 * pairs unreported (on 2 cores the JIT compilers otherwise take a quarter of the CPU of the first warm rounds), then
 * {@code bench.rounds} pairs reported side by side with their min, median and max.
 */
@QuarkusTest
@Tag("benchmark")
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class VaultSyncBenchmark {

    static final int CREATORS = Integer.getInteger("bench.creators", 100);
    static final int MEDIA = Integer.getInteger("bench.media", 1_000);
    static final int LATENCY_MS = Integer.getInteger("bench.latency-ms", 30);
    /** Full + re-sync pairs run after the cold round and not reported (the JIT compiles the hot paths then). */
    static final int WARM_UPS = Integer.getInteger("bench.warm-ups", 3);
    /** Library pages walked after the syncs, and how many times (the last walk is reported). */
    static final int LIBRARY_PAGES = Integer.getInteger("bench.library-pages", 20);

    static final int LIBRARY_WALKS = Integer.getInteger("bench.library-walks", 5);
    /** Full + re-sync pairs reported. */
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    @Inject
    MeterRegistry registry;

    @Inject
    VaultSyncConfig sync;

    @Inject
    FanvueClientConfig fanvue;

    @AfterEach
    void defaultWorld() {
        // The simulator is shared by the JVM: leave it with its default sizes.
        simulatorReset(Map.of("agencies", 2, "creatorsPerAgency", 3, "mediaPerCreator", 60));
    }

    @Test
    void agencySyncOfAHundredCreators() {
        TestDatabase.truncateAll();
        UUID agency = TestTenants.seed().agencyA();
        JsonPath world = freshSimulator();
        seedCreators(agency, world);

        RoundFigures cold = round("full sync, cold JVM");
        assertFullSync(cold);

        List<RoundFigures> measured = new ArrayList<>();
        List<Long> warmUps = new ArrayList<>();
        for (int i = 1; i <= WARM_UPS + ROUNDS; i++) {
            boolean kept = i > WARM_UPS;
            String suffix = kept ? " #" + (i - WARM_UPS) : "";
            BenchDb.execute("truncate content_assets, sync_runs cascade");
            freshSimulator();
            RoundFigures full = round("full sync, warm" + suffix);
            assertFullSync(full);
            RoundFigures resync = round("unchanged re-sync" + suffix);
            assertUnchanged(resync, full);
            if (kept) {
                measured.add(full);
                measured.add(resync);
            } else {
                warmUps.add(full.wallMs());
                warmUps.add(resync.wallMs());
            }
        }

        List<RoundFigures> shown = new ArrayList<>(List.of(cold));
        shown.addAll(measured);
        System.out.println(RoundFigures.table(shown, setting()));
        System.out.println(summary("full sync, warm", measured, 0) + "\n" + summary("unchanged re-sync", measured, 1)
                + "\nwarm-up rounds before them (full, re-sync, ... ms): " + warmUps);
        // Right after an agency's first import PostgreSQL's statistics may not know the agency yet (autovacuum
        // analyzes within a minute once a tenth of the table changed): the planner then expects a handful of rows.
        String stale = libraryPages("created", "statistics not yet updated");
        BenchDb.execute("analyze content_assets, vault_performance");
        System.out.println(stale + "\n" + libraryPages("created", "after analyze") + "\n"
                + libraryPages("revenue", "after analyze"));
    }

    /**
     * The asset library over the synced agency: the first {@code LIBRARY_PAGES} pages of 50 in {@code sort} order,
     * each followed by its cursor, timed from request to the whole body with the JDK's HTTP client (parsed after the
     * clock stops), {@code LIBRARY_WALKS} times: the earlier walks warm the caches and the JIT.
     */
    private static String libraryPages(String sort, String when) {
        HttpClient http = HttpClient.newHttpClient();
        String token = TestUsers.AGENCY_MEMBER.token();
        List<Double> millis = new ArrayList<>();
        for (int walk = 1; walk <= LIBRARY_WALKS; walk++) {
            String cursor = null;
            for (int page = 0; page < LIBRARY_PAGES; page++) {
                URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/vault/assets?limit=50&sort="
                        + sort + (cursor == null ? "" : "&cursor=" + cursor));
                HttpRequest request = HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token)
                        .build();
                long started = System.nanoTime();
                HttpResponse<String> answer = send(http, request);
                if (walk == LIBRARY_WALKS) {
                    millis.add((System.nanoTime() - started) / 1e6);
                }
                assertThat(answer.statusCode()).isEqualTo(200);
                cursor = JsonPath.from(answer.body()).getString("nextCursor");
                assertThat(cursor).isNotNull();
            }
        }
        Collections.sort(millis);
        return String.format(
                "asset library, sort=%s, %s: %d pages of 50 walked by cursor (walk %d): median %.1f ms,"
                        + " p90 %.1f ms, max %.1f ms per page",
                sort,
                when,
                millis.size(),
                LIBRARY_WALKS,
                millis.get(millis.size() / 2),
                millis.get(millis.size() * 9 / 10),
                millis.get(millis.size() - 1));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Min, median and max wall time of every other measured round, starting at {@code first}. */
    private static String summary(String what, List<RoundFigures> measured, int first) {
        List<Long> walls = new ArrayList<>();
        for (int i = first; i < measured.size(); i += 2) {
            walls.add(measured.get(i).wallMs());
        }
        Collections.sort(walls);
        return String.format(
                "%s over %d rounds: min %d ms, median %d ms, max %d ms",
                what, walls.size(), walls.get(0), walls.get(walls.size() / 2), walls.get(walls.size() - 1));
    }

    private static void assertUnchanged(RoundFigures resync, RoundFigures full) {
        assertThat(resync.errors()).isZero();
        assertThat(resync.assetsSynced()).isEqualTo(full.assetsSynced());
        assertThat(resync.unchanged()).isEqualTo(full.assetsSynced());
        assertThat(resync.rowsWritten()).isZero();
        assertThat(resync.tooManyRequests()).isZero();
    }

    private static void assertFullSync(RoundFigures round) {
        assertThat(round.errors()).isZero();
        assertThat(round.assetsSynced()).isEqualTo(round.inserted()).isEqualTo(round.rowsWritten());
        assertThat(round.assetsSynced()).isGreaterThanOrEqualTo(CREATORS * MEDIA * 8 / 10);
        assertThat(round.tooManyRequests()).isZero();
        assertThat(round.earlyRequests()).isZero();
    }

    private String setting() {
        return String.format(
                "%d creators x %d media, simulator latency %d ms, buckets 200/60 s;"
                        + " creator-concurrency %d, folder-concurrency %d, write-batch %d, write-concurrency %d, Fanvue pool %d",
                CREATORS,
                MEDIA,
                LATENCY_MS,
                sync.creatorConcurrency(),
                sync.folderConcurrency(),
                sync.writeBatch(),
                sync.writeConcurrency(),
                fanvue.connectionPoolSize());
    }

    /** The simulator regenerated with the benchmark's world, latency set, the broker handing out a fresh token. */
    private static JsonPath freshSimulator() {
        JsonPath world = simulatorReset(Map.of("agencies", 1, "creatorsPerAgency", CREATORS, "mediaPerCreator", MEDIA));
        String admin = world.getString("agencies[0].admin.uuid");
        TokenBrokerStub.handOut(SimulatorAdmin.issueToken(admin), admin);
        given().baseUri(SimulatorAdmin.baseUrl())
                .contentType(ContentType.JSON)
                .body(Map.of("fixedMs", LATENCY_MS, "randomMs", 0))
                .put("/_simulator/latency")
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
        return world;
    }

    private static JsonPath simulatorReset(Map<String, Object> sizes) {
        return given().baseUri(SimulatorAdmin.baseUrl())
                .contentType(ContentType.JSON)
                .body(sizes)
                .post("/_simulator/reset")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void seedCreators(UUID agency, JsonPath world) {
        List<Map<String, Object>> creators = world.getList("agencies[0].creators");
        assertThat(creators).hasSize(CREATORS);
        for (Map<String, Object> creator : creators) {
            TestTenants.creator(agency, UUID.fromString((String) creator.get("uuid")), (String) creator.get("handle"));
        }
    }

    /** Runs one synchronous agency sync and measures it. */
    private RoundFigures round(String name) {
        SimulatorAdmin.clearJournal();
        JsonPath statsBefore = SimulatorAdmin.stats();
        PhaseTimes phasesBefore = PhaseTimes.of(registry);
        java.time.Instant dbStart = BenchDb.now();
        CpuTime cpuBefore = CpuTime.now();
        long started = System.currentTimeMillis();
        JsonPath answer = TestUsers.AGENCY_MEMBER
                .request()
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/vault/sync-fanvue")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        long ended = System.currentTimeMillis();
        CpuTime cpu = CpuTime.now().minus(cpuBefore);
        return RoundFigures.measure(
                name,
                started,
                ended,
                answer,
                statsBefore,
                SimulatorAdmin.stats(),
                SimulatorAdmin.journal(Map.of()),
                PhaseTimes.of(registry).minus(phasesBefore),
                cpu,
                BenchDb.rowsWrittenSince(dbStart),
                new RoundFigures.Bound(
                        LATENCY_MS,
                        Math.min(sync.creatorConcurrency() * sync.folderConcurrency(), fanvue.connectionPoolSize())));
    }
}
