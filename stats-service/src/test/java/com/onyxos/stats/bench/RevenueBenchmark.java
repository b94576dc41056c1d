package com.onyxos.stats.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.SimulatorAdmin;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.stats.repository.EarningsRollups;
import com.onyxos.stats.service.BackgroundRefresh;
import com.onyxos.stats.testing.StatsDb;
import com.onyxos.stats.testing.StatsWorld;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Revenue figures (left out of the normal build): the revenue heartbeat of a 100-creator agency against the
 * simulator at 30 ms latency with Fanvue's real rate limit (time, Fanvue calls per heartbeat and per bucket, 429s);
 * then 5 million transactions over those 100 creators generated into PostgreSQL, the rollup recompute (all of it,
 * then what a heartbeat leaves), the query plans, every analytics endpoint's p50/p95 through the API (one HTTP client
 * and token as a dashboard; beside it the RestAssured harness minting a token per call), and a 1-million-row CSV
 * export's time and heap. Run it:
 * {@code flock /tmp/onyx-maven.lock ./mvnw -B -ntp -pl common,fanvue-simulator,stats-service verify
 * -Dgroups=benchmark -DexcludedGroups= -Dtest=RevenueBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@Tag("benchmark")
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class RevenueBenchmark {

    private static final int CREATORS = Integer.getInteger("bench.creators", 100);
    private static final int ROWS_PER_CREATOR = Integer.getInteger("bench.rows-per-creator", 50_000);
    private static final int CALLS = Integer.getInteger("bench.calls", 100);
    private static final String HEARTBEAT = "/internal/v1/jobs/revenue-heartbeat";

    @Inject
    BackgroundRefresh background;

    @Inject
    EarningsRollups rollups;

    @TestHTTPResource("/")
    URL base;

    @Test
    void figures() throws Exception {
        StatsWorld world = StatsWorld.connected(CREATORS);
        List<UUID> ids = world.importCreators(background);
        assertThat(ids).hasSize(CREATORS);
        heartbeats(world);
        generate(world, ids);
        plans(world, ids.get(0));
        endpoints(ids.get(0));
        csv();
    }

    private void heartbeats(StatsWorld world) {
        SimulatorAdmin.latency(30, 0);
        try {
            for (int round = 1; round <= 3; round++) {
                SimulatorAdmin.clearJournal();
                JsonPath before = SimulatorAdmin.stats();
                long started = System.nanoTime();
                JsonPath answer = TestUsers.SERVICE
                        .request()
                        .queryParam("agencyId", world.tenants.agencyA().toString())
                        .post(HEARTBEAT)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                long ms = (System.nanoTime() - started) / 1_000_000;
                JsonPath after = SimulatorAdmin.stats();
                Map<Object, Long> perBucket = new HashMap<>();
                SimulatorAdmin.journal(Map.of()).forEach(call -> perBucket.merge(call.get("bucket"), 1L, Long::sum));
                long requests = after.getLong("requests") - before.getLong("requests");
                System.out.printf(
                        "BENCH heartbeat round %d (%s): %d creators in %d ms, status %s, %d Fanvue requests"
                                + " (%.1f per creator, most in one bucket %d), %d answered 429; counts %s%n",
                        round,
                        round == 1 ? "first: full history" : "incremental",
                        answer.getLong("agencies[0].creators"),
                        ms,
                        answer.getString("agencies[0].status"),
                        requests,
                        requests / (double) CREATORS,
                        perBucket.values().stream()
                                .mapToLong(Long::longValue)
                                .max()
                                .orElse(0),
                        after.getLong("tooManyRequests") - before.getLong("tooManyRequests"),
                        answer.getMap("agencies[0].counts"));
            }
        } finally {
            SimulatorAdmin.latency(0, 0);
        }
    }

    /** 5 million rows over a year (one every ~10 minutes per creator; every 33rd a refund), then the rollups. */
    private void generate(StatsWorld world, List<UUID> ids) {
        UUID agency = world.tenants.agencyA();
        long started = System.nanoTime();
        for (UUID creator : ids) {
            StatsDb.update(
                    "insert into fanvue_transactions (id, agency_id, model_id, transaction_order_id, dedup_key,"
                            + " transaction_type, transaction_status, entry_kind, transaction_date, gross_amount,"
                            + " net_amount, currency, fan_id)"
                            + " select gen_random_uuid(), ?, ?, 'bench-' || g, 'bench-' || g || case when refund"
                            + " then '|r|' else '|s|' end || g, src, case when refund then 'refunded' else"
                            + " 'completed' end, case when refund then 'refund' else 'sale' end, ts,"
                            + " case when refund then -gross else gross end,"
                            + " case when refund then -gross * 8 / 10 else gross * 8 / 10 end, 'USD',"
                            + " md5(?::text || (g % 500))::uuid"
                            + " from (select g, g % 33 = 0 as refund, (array['subscription', 'renewal', 'message',"
                            + " 'tip', 'post', 'referral', 'mediaLink'])[1 + g % 7] as src,"
                            + " timestamptz '2025-11-15 00:00:00+00' + g * interval '631 seconds' as ts,"
                            + " 300 + (g * 7919) % 9700 as gross from generate_series(1, ?) g) s",
                    agency, creator, creator.toString(), ROWS_PER_CREATOR);
            StatsDb.update(
                    "insert into stats_earnings_sync (model_id, agency_id, dirty_from, dirty_to) values (?, ?,"
                            + " timestamptz '2025-11-15 00:00:00+00', timestamptz '2026-11-16 00:00:00+00')"
                            + " on conflict (model_id) do update set dirty_from = excluded.dirty_from,"
                            + " dirty_to = excluded.dirty_to",
                    creator,
                    agency);
        }
        long inserted = System.nanoTime();
        StatsDb.update("analyze fanvue_transactions");
        long rollupStart = System.nanoTime();
        rollups.refresh(agency).await().indefinitely();
        StatsDb.update("analyze earnings_daily");
        StatsDb.update("analyze earnings_quarter_hours");
        long rollupMs = (System.nanoTime() - rollupStart) / 1_000_000;
        StatsDb.update("analyze earnings_hours");
        StatsDb.update("analyze earnings_hour_totals");
        StatsDb.update("analyze earnings_creator_days");
        System.out.printf(
                "BENCH analytics data: %d transactions over %d creators generated in %d s; rollups recomputed in"
                        + " %d ms (%d daily rows, %d quarter-hour rows, %d hour rows, %d creator-day rows)%n",
                StatsDb.count("select count(*) from fanvue_transactions"),
                ids.size(),
                (inserted - started) / 1_000_000_000,
                rollupMs,
                StatsDb.count("select count(*) from earnings_daily"),
                StatsDb.count("select count(*) from earnings_quarter_hours"),
                StatsDb.count("select count(*) from earnings_hours"),
                StatsDb.count("select count(*) from earnings_creator_days"));
        // What a heartbeat leaves: every creator's last two days (the sync's overlap) dirty at the end of the history.
        StatsDb.update(
                "update stats_earnings_sync set dirty_from = timestamptz '2026-11-13 10:00:00+00',"
                        + " dirty_to = timestamptz '2026-11-15 09:00:00+00' where agency_id = ?",
                agency);
        long incremental = System.nanoTime();
        rollups.refresh(agency).await().indefinitely();
        System.out.printf(
                "BENCH rollups after a heartbeat (%d creators' last 2 days dirty): recomputed in %d ms%n",
                ids.size(), (System.nanoTime() - incremental) / 1_000_000);
    }

    private static void plans(StatsWorld world, UUID creator) {
        String agency = "'" + world.tenants.agencyA() + "'::uuid";
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put(
                "earnings list, agency, first page",
                "select * from fanvue_transactions t where t.agency_id = " + agency
                        + " order by t.transaction_date desc, t.id desc limit 50");
        queries.put(
                "earnings list, creator and source, first page",
                "select * from fanvue_transactions t where t.agency_id = " + agency + " and t.model_id = '" + creator
                        + "' and t.transaction_type = 'tip' order by t.transaction_date desc, t.id desc limit 50");
        String running = "sources, run_sales_gross, run_sales_net, run_sales_count, run_refund_gross, run_refund_net,"
                + " run_refund_count, run_chargeback_gross, run_chargeback_net, run_chargeback_count";
        queries.put(
                "totals per creator, 365 days: two probes per creator into earnings_creator_days",
                "select b.i, m.id, r.* from models m cross join unnest(array[date '2025-11-15', date '2026-11-15'])"
                        + " with ordinality as b(d, i) cross join lateral (select " + running
                        + " from earnings_creator_days c where c.agency_id = " + agency + " and c.model_id = m.id"
                        + " and c.day < b.d order by c.day desc limit 1) r where m.agency_id = " + agency);
        queries.put(
                "totals per source, 365 days: a skip scan of the sources, two probes each into earnings_quarter_hours",
                "with recursive sources(source) as ((select source from earnings_quarter_hours where agency_id = "
                        + agency + " order by source limit 1) union all select (select q.source from"
                        + " earnings_quarter_hours q where q.agency_id = " + agency + " and q.source > k.source"
                        + " order by q.source limit 1) from sources k where k.source is not null)"
                        + " select b.i, k.source, r.run_sales_net from sources k cross join unnest(array[timestamptz"
                        + " '2025-11-15 00:00+00', timestamptz '2026-11-15 00:00+00']) with ordinality as b(t, i)"
                        + " cross join lateral (select * from earnings_quarter_hours q where q.agency_id = " + agency
                        + " and q.source = k.source and q.bucket < b.t order by q.bucket desc limit 1) r"
                        + " where k.source is not null");
        queries.put(
                "series by New York day, 365 days: one probe per local midnight into earnings_hour_totals",
                "select b.i, r.* from unnest(array(select d::timestamp at time zone 'America/New_York' from"
                        + " generate_series(date '2025-11-15', date '2026-11-15', interval '1 day') d)) with ordinality"
                        + " as b(t, i) cross join lateral (select " + running + " from earnings_hour_totals h"
                        + " where h.agency_id = " + agency + " and h.bucket < b.t order by h.bucket desc limit 1) r");
        queries.put(
                "best weekday and hour in Berlin, 365 days: earnings_hours with the offsets of Java's zone rules",
                "select grouping(u.d) = 0, u.d, u.wd, u.h, sum(u.sales_net) from (select x.l / 86400 as d,"
                        + " mod(x.l / 86400 + 3, 7) + 1 as wd, mod(x.l, 86400) / 3600 as h, x.sales_net from (select"
                        + " floor(date_part('epoch', v.bucket))::bigint + o.secs + 3155846400 as l, v.sales_net from"
                        + " earnings_hours v join unnest(array[timestamptz '2025-11-14 23:00+00', '2026-03-29"
                        + " 01:00+00', '2026-10-25 01:00+00'], array[timestamptz '2026-03-29 01:00+00', '2026-10-25"
                        + " 01:00+00', '2026-11-14 23:00+00'], array[3600, 7200, 3600]) as o(s1, s2, secs)"
                        + " on v.bucket >= o.s1 and v.bucket < o.s2 where v.agency_id = " + agency + ") x) u"
                        + " group by grouping sets ((u.d), (u.wd, u.h))");
        queries.put(
                "audience, 90 days (subscriber and follower history, full join)",
                "select coalesce(s.model_id, f.model_id), coalesce(s.date, f.date), s.total, f.followers from"
                        + " (select * from subscriber_history where agency_id = " + agency + " and date >= date"
                        + " '2026-08-17' and date < date '2026-11-15') s full join (select * from follower_history"
                        + " where agency_id = " + agency + " and date >= date '2026-08-17' and date < date"
                        + " '2026-11-15') f on f.model_id = s.model_id and f.date = s.date");
        queries.put(
                "subscribers per creator, 90 days (sums, then first and last day by (model_id, date))",
                "select g.*, (select h.total from subscriber_history h where h.model_id = g.model_id and h.date >="
                        + " date '2026-08-17' and h.date < date '2026-11-15' order by h.date limit 1),"
                        + " (select h.total from subscriber_history h where h.model_id = g.model_id and h.date >="
                        + " date '2026-08-17' and h.date < date '2026-11-15' order by h.date desc limit 1)"
                        + " from (select model_id, avg(total), count(*), sum(new_subscribers) from subscriber_history"
                        + " where agency_id = " + agency + " and date >= date '2026-08-17' and date < date"
                        + " '2026-11-15' group by model_id) g");
        queries.put(
                "a window's ragged edge from the rows (part of a day)",
                "select t.model_id, t.transaction_type, sum(t.net_amount) from fanvue_transactions t where"
                        + " t.agency_id = " + agency + " and t.transaction_date >= timestamptz '2026-03-01"
                        + " 10:07:00+00' and t.transaction_date < timestamptz '2026-03-02 00:00:00+00' group by 1, 2");
        queries.forEach((name, sql) -> {
            List<String> plan = new ArrayList<>();
            StatsDb.rows("explain (analyze, buffers off) " + sql)
                    .forEach(row ->
                            plan.add(String.valueOf(row.values().iterator().next())));
            System.out.printf("BENCH plan %s:%n  %s%n", name, String.join("\n  ", plan));
        });
    }

    private void endpoints(UUID creator) {
        long[] mint = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long started = System.nanoTime();
            TestUsers.AGENCY_MEMBER.token();
            mint[i] = (System.nanoTime() - started) / 1000;
        }
        Arrays.sort(mint);
        System.out.printf(
                "BENCH test token minted (client side, per RestAssured call below): p50 %.1f ms, p95 %.1f ms%n",
                mint[CALLS / 2] / 1000.0, mint[(int) (CALLS * 0.95) - 1] / 1000.0);
        Map<String, Map<String, String>> calls = new LinkedHashMap<>();
        String year = "2025-11-15";
        String end = "2026-11-15";
        calls.put("GET /api/earnings (agency, first page)", Map.of("path", "/api/earnings"));
        calls.put(
                "GET /api/earnings (creator, source, page 2 by cursor)",
                Map.of("path", "/api/earnings", "creatorId", creator.toString(), "source", "tip", "cursor", ""));
        calls.put(
                "GET /api/earnings/summary (365 d, by week, Berlin)",
                Map.of(
                        "path",
                        "/api/earnings/summary",
                        "from",
                        year,
                        "to",
                        end,
                        "granularity",
                        "week",
                        "timezone",
                        "Europe/Berlin"));
        calls.put(
                "GET /api/analytics/earnings-over-time (365 d, by day, New York)",
                Map.of(
                        "path",
                        "/api/analytics/earnings-over-time",
                        "from",
                        year,
                        "to",
                        end,
                        "timezone",
                        "America/New_York"));
        calls.put(
                "GET /api/analytics/golden-ratio (365 d)",
                Map.of("path", "/api/analytics/golden-ratio", "from", year, "to", end));
        calls.put(
                "GET /api/analytics/golden-ratio (ragged window 2026-03-01T10:07Z..2026-09-17T13:45Z)",
                Map.of(
                        "path",
                        "/api/analytics/golden-ratio",
                        "from",
                        "2026-03-01T10:07:00Z",
                        "to",
                        "2026-09-17T13:45:00Z"));
        calls.put(
                "GET /api/analytics/revenue-per-subscriber (90 d)",
                Map.of("path", "/api/analytics/revenue-per-subscriber", "from", "2026-08-17", "to", end));
        calls.put(
                "GET /api/analytics/best-times (365 d, Berlin)",
                Map.of("path", "/api/analytics/best-times", "from", year, "to", end, "timezone", "Europe/Berlin"));
        calls.put(
                "GET /api/analytics/creators (365 d)",
                Map.of("path", "/api/analytics/creators", "from", year, "to", end));
        calls.put("GET /api/top-spenders (agency, all time)", Map.of("path", "/api/top-spenders"));
        calls.put("GET /api/tracking-links (agency)", Map.of("path", "/api/tracking-links"));
        calls.put("GET /api/audience (agency, 90 d)", Map.of("path", "/api/audience", "from", "2026-08-17", "to", end));
        calls.forEach((name, call) -> {
            Map<String, String> query = new HashMap<>(call);
            String path = query.remove("path");
            if ("".equals(query.get("cursor"))) {
                query.put(
                        "cursor",
                        TestUsers.AGENCY_MEMBER
                                .request()
                                .queryParams(Map.of("creatorId", query.get("creatorId"), "source", "tip"))
                                .get(path)
                                .then()
                                .statusCode(200)
                                .extract()
                                .path("nextCursor"));
            }
            // As a dashboard calls: one HTTP client, keep-alive, the session's token for every call.
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(uri(path, query))
                    .header("Authorization", "Bearer " + TestUsers.AGENCY_MEMBER.token())
                    .build();
            long[] ms = new long[CALLS];
            long bytes = 0;
            for (int i = -10; i < CALLS; i++) {
                long started = System.nanoTime();
                HttpResponse<byte[]> response = send(client, request);
                long micros = (System.nanoTime() - started) / 1000;
                assertThat(response.statusCode()).as(name).isEqualTo(200);
                bytes = response.body().length;
                if (i >= 0) {
                    ms[i] = micros;
                }
            }
            // The harness of the first figures: RestAssured, a token minted for every call (client-side costs).
            long[] assured = new long[CALLS];
            for (int i = -10; i < CALLS; i++) {
                long started = System.nanoTime();
                TestUsers.AGENCY_MEMBER
                        .request()
                        .queryParams(query)
                        .get(path)
                        .then()
                        .statusCode(200);
                if (i >= 0) {
                    assured[i] = (System.nanoTime() - started) / 1000;
                }
            }
            Arrays.sort(ms);
            Arrays.sort(assured);
            System.out.printf(
                    "BENCH api %s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d calls, one at a time, %d bytes);"
                            + " RestAssured with a token minted per call: p50 %.1f ms, p95 %.1f ms%n",
                    name,
                    ms[CALLS / 2] / 1000.0,
                    ms[(int) (CALLS * 0.95) - 1] / 1000.0,
                    ms[CALLS - 1] / 1000.0,
                    CALLS,
                    bytes,
                    assured[CALLS / 2] / 1000.0,
                    assured[(int) (CALLS * 0.95) - 1] / 1000.0);
        });
    }

    private URI uri(String path, Map<String, String> query) {
        String params = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(base + path.substring(1) + (params.isEmpty() ? "" : "?" + params));
    }

    private static HttpResponse<byte[]> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** About 1 million rows (73 of the 365 days), read as they stream while the heap is sampled. */
    private void csv() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(base + "api/earnings.csv?from=2025-11-15&to=2026-01-27"))
                .header("Authorization", "Bearer " + TestUsers.AGENCY_MEMBER.token())
                .build();
        long started = System.nanoTime();
        HttpResponse<InputStream> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        long lines = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream body = response.body()) {
            for (int n; (n = body.read(buffer)) > 0; ) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    lines += buffer[i] == '\n' ? 1 : 0;
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        running.set(false);
        sampler.join();
        assertThat(response.statusCode()).isEqualTo(200);
        System.out.printf(
                "BENCH csv export: %d rows, %d MB in %.1f s (%.0f rows/s); heap used %d MB before, at most %d MB"
                        + " while streaming (test JVM = application JVM, GC not forced in between; %d MB max heap)%n",
                lines - 1,
                bytes / 1_000_000,
                seconds,
                (lines - 1) / seconds,
                baseline / 1_000_000,
                peak.get() / 1_000_000,
                memory.getHeapMemoryUsage().getMax() / 1_000_000);
    }
}
