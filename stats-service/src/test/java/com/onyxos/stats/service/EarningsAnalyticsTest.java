package com.onyxos.stats.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.onyxos.common.fanvue.model.Earning;
import com.onyxos.common.fanvue.model.FanvueFan;
import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.SimulatorAdmin;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.stats.repository.EarningsRollups;
import com.onyxos.stats.repository.EarningsWriter;
import com.onyxos.stats.repository.TransactionRow;
import com.onyxos.stats.testing.MutableClock;
import com.onyxos.stats.testing.StatsDb;
import com.onyxos.stats.testing.StatsWorld;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Analytics and the earnings list/export over hand-computed rows written through the earnings writer: the golden
 * ratio and its source mapping, local days in a time zone (a row at 23:30 UTC on the next Berlin day), best times,
 * keyset pages, and a CSV export that is RFC 4180 and formula-injection safe.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class EarningsAnalyticsTest {

    private static final String EVIL_ORDER = "=cmd|' /C calc'!A0";
    private static final String EVIL_HANDLE = "@evil \"fan\", really";

    @Inject
    BackgroundRefresh background;

    @Inject
    MutableClock clock;

    @Inject
    EarningsWriter writer;

    @Inject
    EarningsRollups rollups;

    private StatsWorld world;
    private UUID creator;

    @BeforeEach
    void world() {
        clock.reset();
        world = StatsWorld.connected(1);
        creator = world.importCreators(background).get(0);
        List<Earning> rows = List.of(
                earning("2026-10-05T10:00:00Z", 1000, 800, "subscription", "o-sub", "completed", null),
                // 23:30 UTC on 5 October is 01:30 on 6 October in Berlin (CEST, UTC+2).
                earning("2026-10-05T23:30:00Z", 500, 400, "renewal", "o-ren", "completed", null),
                earning("2026-10-06T12:00:00Z", 2000, 1600, "message", "o-msg", "completed", EVIL_HANDLE),
                earning("2026-10-06T13:00:00Z", 300, 240, "tip", EVIL_ORDER, "completed", null),
                earning("2026-10-07T09:00:00Z", 700, 560, "post", "o-post", "completed", null),
                earning("2026-10-07T10:00:00Z", 100, 80, "referral", "o-ref", "completed", null),
                earning("2026-10-07T11:00:00Z", -2000, -1600, "message", "o-msg", "refunded", EVIL_HANDLE),
                earning("2026-10-08T12:00:00Z", 50, 40, "fanClub", "o-new", "completed", null));
        // The creator's sync state as a first pass leaves it; the writer widens its dirty range by what it writes.
        StatsDb.update(
                "insert into stats_earnings_sync (model_id, agency_id) values (?, ?)",
                creator,
                world.tenants.agencyA());
        List<TransactionRow> batch = rows.stream().map(EarningRows::of).toList();
        assertThat(writer.write(world.tenants.agencyA(), creator, batch).await().indefinitely())
                .isEqualTo(8);
        assertThat(writer.write(world.tenants.agencyA(), creator, batch).await().indefinitely())
                .isZero();
        rollups.refresh(world.tenants.agencyA()).await().indefinitely();
    }

    @AfterEach
    void quiet() {
        SimulatorAdmin.clearFaults();
        StatsWorld.awaitQuiet(background);
    }

    private static Earning earning(
            String date, long gross, long net, String source, String order, String status, String fanHandle) {
        FanvueFan fan = fanHandle == null
                ? null
                : new FanvueFan("7b0c7c1e-1d1a-4f5e-9a51-3f0e2d1c0b0a", fanHandle, "Fan", null, false, null, null);
        return new Earning(Instant.parse(date), gross, net, "USD", source, fan, order, status, null, null);
    }

    private JsonPath get(String path, Map<String, String> query) {
        return TestUsers.AGENCY_MEMBER
                .request()
                .queryParams(query)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void theGoldenRatioSplitsRecurringFromTransactionalAsComputedByHand() {
        JsonPath ratio = get("/api/analytics/golden-ratio", Map.of("from", "2026-10-01", "to", "2026-10-10"));

        // recurring: subscription 800 + renewal 400 net (1000 + 500 gross)
        assertThat(ratio.getLong("recurring.net")).isEqualTo(1200);
        assertThat(ratio.getLong("recurring.gross")).isEqualTo(1500);
        // transactional: message 1600 - refund 1600 + tip 240 + post 560 + referral 80 + fanClub 40
        assertThat(ratio.getLong("transactional.net")).isEqualTo(920);
        assertThat(ratio.getLong("transactional.gross")).isEqualTo(1150);
        assertThat(ratio.getLong("transactional.salesNet")).isEqualTo(2520);
        assertThat(ratio.getLong("transactional.refundNet")).isEqualTo(-1600);
        assertThat(ratio.getDouble("ratio")).isCloseTo(1200.0 / 920.0, within(1e-6));
        assertThat(ratio.getDouble("recurringShare")).isCloseTo(1200.0 / 2120.0, within(1e-6));
        assertThat(ratio.<String, String>getMap("mapping"))
                .containsEntry("subscription", "recurring")
                .containsEntry("renewal", "recurring")
                .containsEntry("message", "transactional")
                .containsEntry("referral", "transactional")
                .containsEntry("fanClub", "transactional");
        assertThat(ratio.<String, String>getMap("documented")).containsKeys("giveaway", "appStore", "checkoutLink");
    }

    @Test
    void aTransactionAt2330UtcLandsOnTheNextLocalDayInBerlin() {
        Map<String, Long> utc = days(get(
                "/api/analytics/earnings-over-time",
                Map.of("from", "2026-10-05", "to", "2026-10-08", "granularity", "day")));
        assertThat(utc).isEqualTo(Map.of("2026-10-05", 1200L, "2026-10-06", 1840L, "2026-10-07", -960L));

        Map<String, Long> berlin = days(get(
                "/api/analytics/earnings-over-time",
                Map.of("from", "2026-10-05", "to", "2026-10-08", "granularity", "day", "timezone", "Europe/Berlin")));
        assertThat(berlin).isEqualTo(Map.of("2026-10-05", 800L, "2026-10-06", 2240L, "2026-10-07", -960L));

        // The half-open window in local time: [5 Oct 00:00 Berlin, 6 Oct 00:00 Berlin) holds the subscription only.
        JsonPath oneDay = get(
                "/api/earnings/summary", Map.of("from", "2026-10-05", "to", "2026-10-06", "timezone", "Europe/Berlin"));
        assertThat(oneDay.getLong("totals.net")).isEqualTo(800);
        assertThat(oneDay.getString("window.from")).isEqualTo("2026-10-04T22:00:00Z");

        JsonPath best = get(
                "/api/analytics/best-times",
                Map.of("from", "2026-10-01", "to", "2026-10-10", "timezone", "Europe/Berlin"));
        // Best local day 6 October (2240 net); best hour 14:00 Berlin: the message at 12:00 UTC on 6 October
        // (1600 net) and the fanClub row at 12:00 UTC on 8 October (40 net).
        assertThat(best.getString("bestDay.date")).isEqualTo("2026-10-06");
        assertThat(best.getInt("bestHour.number")).isEqualTo(14);
        assertThat(best.getLong("bestHour.earnings.net")).isEqualTo(1640);
    }

    private static Map<String, Long> days(JsonPath overTime) {
        Map<String, Long> days = new LinkedHashMap<>();
        for (Map<String, Object> p : overTime.<Map<String, Object>>getList("periods")) {
            days.put((String) p.get("date"), ((Number) ((Map<?, ?>) p.get("total")).get("net")).longValue());
        }
        return days;
    }

    @Test
    void theListPagesByKeysetNewestFirstAndFiltersBySource() {
        List<String> orders = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String cursor = null;
        Instant previous = null;
        do {
            Map<String, String> query = new LinkedHashMap<>(Map.of("limit", "3"));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonPath page = get("/api/earnings", query);
            for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                Instant date = Instant.parse((String) item.get("date"));
                assertThat(previous == null || !date.isAfter(previous)).isTrue();
                previous = date;
                orders.add((String) item.get("transactionOrderId"));
                assertThat(ids.add((String) item.get("id"))).isTrue();
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(orders).hasSize(8).first().isEqualTo("o-new");

        JsonPath messages = get("/api/earnings", Map.of("source", "message"));
        assertThat(messages.getList("items.gross", Long.class)).containsExactly(-2000L, 2000L);
        assertThat(messages.getList("items.kind", String.class)).containsExactly("refund", "sale");
    }

    @Test
    void theCsvExportQuotesAndDefusesFormulasAndKeepsAmountsNumbers() {
        Response response = TestUsers.AGENCY_MEMBER
                .request()
                .queryParam("creatorId", creator.toString())
                .get("/api/earnings.csv");
        response.then().statusCode(200);
        assertThat(response.contentType()).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).contains("earnings.csv");
        String body = response.asString();
        assertThat(body).endsWith("\r\n");
        String[] lines = body.split("\r\n");
        assertThat(lines).hasSize(9);
        assertThat(lines[0]).startsWith("date,creator_id,creator_handle,source,kind,status,transaction_order_id");
        String tip = java.util.Arrays.stream(lines)
                .filter(l -> l.contains(",tip,"))
                .findFirst()
                .orElseThrow();
        // The order id starts with '=': quoted, prefixed with an apostrophe, its quote doubled.
        assertThat(tip).contains(",\"'=cmd|' /C calc'!A0\",300,240,USD,");
        String refund = java.util.Arrays.stream(lines)
                .filter(l -> l.contains(",refund,"))
                .findFirst()
                .orElseThrow();
        // A handle starting with '@' with a quote and a comma inside; the negative amount stays a number.
        assertThat(refund).contains(",-2000,-1600,USD,").contains(",\"'@evil \"\"fan\"\", really\",");
        assertThat(lines[1]).startsWith("2026-10-05T10:00:00Z,");
    }
}
