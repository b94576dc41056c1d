package com.onyxos.stats.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.SimulatorAdmin;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.stats.repository.CreatorQueries;
import com.onyxos.stats.repository.CreatorRef;
import com.onyxos.stats.repository.EarningsRollups;
import com.onyxos.stats.repository.EarningsSyncState;
import com.onyxos.stats.testing.MutableClock;
import com.onyxos.stats.testing.StatsDb;
import com.onyxos.stats.testing.StatsWorld;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Earnings sync against the simulator: the synced rows reconcile to the cent with its ground truth (gross, net, by
 * source, refunds and chargebacks as negative rows), a re-sync writes nothing, an incremental pass starts an overlap
 * before the high-water mark and picks up late rows and status changes inside it.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class EarningsSyncTest {

    private static final String EARNINGS_ROUTE = "/creators/{creatorUserUuid}/insights/earnings";

    @Inject
    BackgroundRefresh background;

    @Inject
    MutableClock clock;

    @Inject
    EarningsSync sync;

    @Inject
    CreatorQueries creators;

    @Inject
    EarningsRollups rollups;

    @Inject
    EarningsSyncState state;

    private StatsWorld world;
    private List<UUID> ids;

    @BeforeEach
    void world() {
        clock.reset();
        world = StatsWorld.connected(2);
        ids = world.importCreators(background);
    }

    @AfterEach
    void quiet() {
        SimulatorAdmin.clearFaults();
        StatsWorld.awaitQuiet(background);
    }

    private CreatorRef ref(UUID id) {
        return creators.ref(world.tenants.agencyA(), id).await().indefinitely();
    }

    private EarningsPass pass(int creator) {
        return sync.sync(ref(ids.get(creator))).await().atMost(Duration.ofSeconds(30));
    }

    private static JsonPath truth(String creatorUuid, Instant start, Instant end) {
        var request = RestAssured.given().baseUri(SimulatorAdmin.baseUrl());
        if (start != null) {
            request.queryParam("startDate", start.toString());
        }
        if (end != null) {
            request.queryParam("endDate", end.toString());
        }
        return request.get("/_simulator/creators/" + creatorUuid + "/truth")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Instant coveredFrom(UUID creator) {
        return (Instant) StatsDb.rows("select covered_from from stats_earnings_sync where model_id = ?", creator)
                .get(0)
                .get("covered_from");
    }

    private static Instant highWaterMark(UUID creator) {
        return (Instant) StatsDb.rows("select high_water_mark from stats_earnings_sync where model_id = ?", creator)
                .get(0)
                .get("high_water_mark");
    }

    private static Map<String, Long> synced(UUID creator, String column, Instant from) {
        Map<String, Long> bySource = new HashMap<>();
        StatsDb.rows(
                        "select transaction_type, sum(" + column + ")::bigint as total from fanvue_transactions"
                                + " where model_id = ? and transaction_date >= ? group by transaction_type",
                        creator,
                        from)
                .forEach(row -> bySource.put((String) row.get("transaction_type"), (Long) row.get("total")));
        return bySource;
    }

    private static Map<String, Long> longs(Map<String, Object> values) {
        Map<String, Long> out = new HashMap<>();
        values.forEach((k, v) -> out.put(k, ((Number) v).longValue()));
        return out;
    }

    private void addEarning(String creatorUuid, Map<String, Object> row) {
        RestAssured.given()
                .baseUri(SimulatorAdmin.baseUrl())
                .contentType(ContentType.JSON)
                .body(row)
                .post("/_simulator/creators/" + creatorUuid + "/earnings")
                .then()
                .statusCode(201);
    }

    /** A refund and a chargeback of two of the creator's synced-window sales, dated a day later, in the simulator. */
    private void reverseTwoSales(String creatorUuid, Instant from) {
        List<Map<String, Object>> sales = RestAssured.given()
                .baseUri(SimulatorAdmin.baseUrl())
                .auth()
                .oauth2(world.adminToken)
                .header("X-Fanvue-API-Version", "2025-06-26")
                .queryParam("startDate", from.plus(Duration.ofDays(5)).toString())
                .queryParam("size", 50)
                .get("/creators/" + creatorUuid + "/insights/earnings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("data.findAll { it.gross > 0 }");
        String[] kinds = {"refunded", "chargeback"};
        for (int i = 0; i < 2; i++) {
            Map<String, Object> sale = sales.get(i);
            Map<String, Object> reversal = new LinkedHashMap<>();
            reversal.put("source", sale.get("source"));
            reversal.put("gross", -((Number) sale.get("gross")).longValue());
            reversal.put("net", -((Number) sale.get("net")).longValue());
            reversal.put(
                    "date",
                    Instant.parse((String) sale.get("date")).plusSeconds(86_400).toString());
            reversal.put("transactionOrderId", sale.get("transactionOrderId"));
            reversal.put("transactionOrderStatus", kinds[i]);
            addEarning(creatorUuid, reversal);
        }
    }

    @Test
    void syncedEarningsReconcileToTheCentWithFanvuesGroundTruth() {
        for (int c = 0; c < ids.size(); c++) {
            String uuid = world.creatorUuids.get(c);
            reverseTwoSales(uuid, clock.instant().minus(Duration.ofDays(80)));
            EarningsPass done = pass(c);
            assertThat(done.succeeded()).as(done.error()).isTrue();
            UUID creator = ids.get(c);
            Instant from = coveredFrom(creator);
            assertThat(from).isNotNull();

            JsonPath truth = truth(uuid, from, null);
            assertThat(truth.getInt("earnings.refunds")).isPositive();
            assertThat(truth.getInt("earnings.chargebacks")).isPositive();
            assertThat(StatsDb.count(
                            "select count(*) from fanvue_transactions where model_id = ? and transaction_date >= ?",
                            creator,
                            from))
                    .isEqualTo(truth.getLong("earnings.rows"));
            assertThat(StatsDb.count("select sum(gross_amount) from fanvue_transactions where model_id = ?", creator))
                    .isEqualTo(truth.getLong("earnings.gross"));
            assertThat(StatsDb.count("select sum(net_amount) from fanvue_transactions where model_id = ?", creator))
                    .isEqualTo(truth.getLong("earnings.net"));
            assertThat(synced(creator, "gross_amount", from)).isEqualTo(longs(truth.getMap("earnings.grossBySource")));
            assertThat(synced(creator, "net_amount", from)).isEqualTo(longs(truth.getMap("earnings.netBySource")));
            // Every reversal is a negative row linked to its original order (dated at most 10 days before it, so
            // inside the backfill for reversals 10 days past its start), and of the kind its status names.
            assertThat(StatsDb.count(
                            "select count(*) from fanvue_transactions r where r.model_id = ? and r.gross_amount < 0"
                                    + " and r.transaction_date >= ? and not exists (select 1 from"
                                    + " fanvue_transactions s where s.model_id = r.model_id"
                                    + " and s.transaction_order_id = r.transaction_order_id"
                                    + " and s.entry_kind = 'sale')",
                            creator,
                            from.plus(Duration.ofDays(10))))
                    .isZero();
            assertThat(StatsDb.count(
                            "select count(*) from fanvue_transactions where model_id = ? and gross_amount < 0"
                                    + " and entry_kind = 'sale'",
                            creator))
                    .isZero();
            assertThat(StatsDb.count(
                            "select count(*) from fanvue_transactions where model_id = ? and entry_kind = 'refund'",
                            creator))
                    .isEqualTo(truth.getLong("earnings.refunds"));
            assertThat(StatsDb.count(
                            "select count(*) from fanvue_transactions where model_id = ? and entry_kind ="
                                    + " 'chargeback'",
                            creator))
                    .isEqualTo(truth.getLong("earnings.chargebacks"));
        }
    }

    @Test
    void theSummaryEqualsTheGroundTruthForAnyWindowAndSaysHowRefundsAreCounted() {
        for (int c = 0; c < ids.size(); c++) {
            assertThat(pass(c).succeeded()).isTrue();
        }
        rollups.refresh(world.tenants.agencyA()).await().indefinitely();
        Instant from = coveredFrom(ids.get(0));
        Instant[][] windows = {
            {from, Instant.parse("2026-11-16T00:00:00Z")},
            {Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-10-15T13:30:00Z")},
            {Instant.parse("2026-11-01T07:15:00Z"), Instant.parse("2026-11-02T00:00:00Z")}
        };
        for (Instant[] window : windows) {
            JsonPath summary = TestUsers.AGENCY_MEMBER
                    .request()
                    .queryParam("creatorId", ids.get(0).toString())
                    .queryParam("from", window[0].toString())
                    .queryParam("to", window[1].toString())
                    .get("/api/earnings/summary")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            JsonPath truth = truth(world.creatorUuids.get(0), window[0], window[1]);
            String label = window[0] + ".." + window[1];
            assertThat(summary.getLong("totals.gross")).as(label).isEqualTo(truth.getLong("earnings.gross"));
            assertThat(summary.getLong("totals.net")).as(label).isEqualTo(truth.getLong("earnings.net"));
            Map<String, Long> net = new HashMap<>();
            Map<String, Long> gross = new HashMap<>();
            for (Map<String, Object> row : summary.<Map<String, Object>>getList("bySource")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> amounts = (Map<String, Object>) row.get("earnings");
                net.put((String) row.get("source"), ((Number) amounts.get("net")).longValue());
                gross.put((String) row.get("source"), ((Number) amounts.get("gross")).longValue());
            }
            assertThat(net).as(label).isEqualTo(longs(truth.getMap("earnings.netBySource")));
            assertThat(gross).as(label).isEqualTo(longs(truth.getMap("earnings.grossBySource")));
            // Both figures: netted, and the sales alone with the reversals apart.
            assertThat(summary.getBoolean("refundsNetted")).isTrue();
            assertThat(summary.getLong("totals.salesGross")
                            + summary.getLong("totals.refundGross")
                            + summary.getLong("totals.chargebackGross"))
                    .as(label)
                    .isEqualTo(summary.getLong("totals.gross"));
            assertThat(summary.getLong("totals.refunds")).isEqualTo(truth.getLong("earnings.refunds"));
            assertThat(summary.getLong("totals.chargebacks")).isEqualTo(truth.getLong("earnings.chargebacks"));
            long overTime = summary.<Map<String, Object>>getList("overTime").stream()
                    .mapToLong(p -> ((Number) ((Map<?, ?>) p.get("total")).get("net")).longValue())
                    .sum();
            assertThat(overTime).as(label).isEqualTo(truth.getLong("earnings.net"));
        }
    }

    @Test
    void aResyncOfUnchangedEarningsWritesNothing() {
        EarningsPass first = pass(0);
        assertThat(first.rowsWritten()).isPositive().isEqualTo(first.rowsSeen());
        long rows = StatsDb.count("select count(*) from fanvue_transactions");
        Object updated = StatsDb.rows("select max(updated_at) as at from fanvue_transactions")
                .get(0)
                .get("at");

        EarningsPass again = pass(0);

        assertThat(again.succeeded()).isTrue();
        assertThat(again.rowsSeen()).isPositive();
        assertThat(again.rowsWritten()).isZero();
        assertThat(StatsDb.count("select count(*) from fanvue_transactions")).isEqualTo(rows);
        assertThat(StatsDb.rows("select max(updated_at) as at from fanvue_transactions")
                        .get(0)
                        .get("at"))
                .isEqualTo(updated);
    }

    @Test
    void anIncrementalPassStartsAnOverlapBeforeTheMarkAndPicksUpALateRowAndAStatusChange() {
        assertThat(pass(0).succeeded()).isTrue();
        UUID creator = ids.get(0);
        String uuid = world.creatorUuids.get(0);
        Instant mark = highWaterMark(creator);
        Map<String, Object> recent = StatsDb.rows(
                        "select transaction_order_id, transaction_status from fanvue_transactions where model_id = ?"
                                + " and entry_kind = 'sale' and transaction_date > ? order by transaction_date desc"
                                + " limit 1",
                        creator,
                        mark.minus(Duration.ofHours(40)))
                .get(0);
        String order = (String) recent.get("transaction_order_id");
        // Fanvue reports a row late (dated before the newest one we have) and settles an order as disputed.
        addEarning(
                uuid,
                Map.of(
                        "source",
                        "tip",
                        "gross",
                        1234,
                        "net",
                        987,
                        "date",
                        mark.minus(Duration.ofHours(3)).toString(),
                        "transactionOrderId",
                        "late-order-1"));
        // A late row older than the overlap is outside the increment (the daily backfill's business, not ours).
        addEarning(
                uuid,
                Map.of(
                        "source",
                        "tip",
                        "gross",
                        555,
                        "date",
                        mark.minus(Duration.ofDays(5)).toString(),
                        "transactionOrderId",
                        "too-late-order"));
        RestAssured.given()
                .baseUri(SimulatorAdmin.baseUrl())
                .contentType(ContentType.JSON)
                .body(Map.of("transactionOrderStatus", "disputed"))
                .patch("/_simulator/creators/" + uuid + "/earnings/" + order)
                .then()
                .statusCode(200);
        SimulatorAdmin.clearJournal();

        EarningsPass increment = pass(0);

        assertThat(increment.succeeded()).isTrue();
        assertThat(increment.windowStart()).isEqualTo(mark.minus(Duration.ofHours(48)));
        assertThat(increment.rowsWritten()).isEqualTo(2);
        List<Map<String, Object>> calls = SimulatorAdmin.journal(Map.of("route", EARNINGS_ROUTE));
        assertThat(calls).isNotEmpty();
        assertThat(calls.get(0).get("query").toString()).contains("startDate=");
        assertThat(StatsDb.rows(
                        "select gross_amount, net_amount, transaction_type from fanvue_transactions"
                                + " where model_id = ? and transaction_order_id = 'late-order-1'",
                        creator))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("gross_amount")).isEqualTo(1234L);
                    assertThat(row.get("net_amount")).isEqualTo(987L);
                    assertThat(row.get("transaction_type")).isEqualTo("tip");
                });
        assertThat(StatsDb.rows(
                        "select transaction_status from fanvue_transactions where model_id = ?"
                                + " and transaction_order_id = ? and entry_kind = 'sale'",
                        creator,
                        order))
                .singleElement()
                .satisfies(row -> assertThat(row.get("transaction_status")).isEqualTo("disputed"));
        assertThat(StatsDb.count(
                        "select count(*) from fanvue_transactions where transaction_order_id = 'too-late-order'"))
                .isZero();
        assertThat(highWaterMark(creator)).isEqualTo(mark);
    }

    @Test
    void aPassThatFanvueBreaksKeepsTheMarkAndWritesNothing() {
        SimulatorAdmin.addFault(Map.of("path", "/creators/*/insights/earnings", "kind", "error", "status", 503));

        EarningsPass broken = pass(0);

        assertThat(broken.succeeded()).isFalse();
        assertThat(broken.error()).isNotBlank();
        assertThat(StatsDb.rows("select status, backfilled, high_water_mark from stats_earnings_sync")
                        .get(0))
                .containsEntry("status", "failed")
                .containsEntry("backfilled", false)
                .containsEntry("high_water_mark", null);
        assertThat(StatsDb.count("select count(*) from fanvue_transactions")).isZero();
    }

    @Test
    void aPassThatDiesHalfWayLeavesItsBatchesAndTheNextPassConvergesWithoutDuplicateOrGap() {
        assertThat(pass(0).succeeded()).isTrue();
        UUID creator = ids.get(0);
        Instant from = coveredFrom(creator);
        Instant mark = highWaterMark(creator);
        String uuid = world.creatorUuids.get(0);
        // New rows after the mark, more than one batch (100 rows in tests), then the listing breaks off: the first
        // batch is written, the pass fails, the mark must not move past rows never read.
        for (int i = 0; i < 130; i++) {
            addEarning(
                    uuid,
                    Map.of(
                            "source",
                            i % 2 == 0 ? "tip" : "message",
                            "gross",
                            100 + i,
                            "date",
                            mark.plusSeconds(60L * (i + 1)).toString(),
                            "transactionOrderId",
                            "crash-" + i));
        }
        SimulatorAdmin.addFault(Map.of("path", "/creators/*/insights/earnings", "kind", "hasMoreForever"));

        EarningsPass crashed = pass(0);

        assertThat(crashed.succeeded()).isFalse();
        long partial =
                StatsDb.count("select count(*) from fanvue_transactions where transaction_order_id like 'crash-%'");
        assertThat(crashed.rowsWritten()).isPositive();
        assertThat(partial).isEqualTo(crashed.rowsWritten()).isLessThanOrEqualTo(130);
        assertThat(highWaterMark(creator)).isEqualTo(mark);

        SimulatorAdmin.clearFaults();
        EarningsPass healed = pass(0);

        assertThat(healed.succeeded()).isTrue();
        assertThat(healed.windowStart()).isEqualTo(mark.minus(Duration.ofHours(48)));
        assertThat(healed.rowsWritten()).isEqualTo(130 - (int) partial);
        JsonPath truth = truth(uuid, from, null);
        assertThat(StatsDb.count("select count(*) from fanvue_transactions")).isEqualTo(truth.getLong("earnings.rows"));
        assertThat(StatsDb.count("select count(distinct transaction_order_id || dedup_key) from fanvue_transactions"))
                .isEqualTo(truth.getLong("earnings.rows"));
        assertThat(StatsDb.count("select sum(net_amount) from fanvue_transactions"))
                .isEqualTo(truth.getLong("earnings.net"));
        assertThat(highWaterMark(creator)).isEqualTo(mark.plusSeconds(60L * 130));
    }

    @Test
    void aFirstPassThatAskedForEverythingRecordsACompleteHistory() {
        // onyx.stats.earnings.backfill-days=0: the first window has no start (a null bound the SQL must type).
        UUID creator = ids.get(0);
        Instant now = clock.instant();
        state.start(world.tenants.agencyA(), creator, now).await().indefinitely();
        state.succeeded(creator, now.minusSeconds(60), null, 10, 10, now)
                .await()
                .indefinitely();

        EarningsSyncState.SyncPosition position =
                state.position(creator).await().indefinitely();
        assertThat(position.completeHistory()).isTrue();
        assertThat(position.highWaterMark())
                .isEqualTo(now.minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        // A later pass over a window keeps the complete coverage.
        state.succeeded(creator, now, now.minusSeconds(3600), 1, 0, now).await().indefinitely();
        assertThat(state.position(creator).await().indefinitely().completeHistory())
                .isTrue();
    }
}
