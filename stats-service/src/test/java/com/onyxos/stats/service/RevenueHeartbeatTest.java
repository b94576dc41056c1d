package com.onyxos.stats.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.SimulatorAdmin;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.stats.testing.StatsDb;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The revenue heartbeat against the simulator: its job endpoint and run record on common's run lease (two at once
 * are one run), what it writes (earnings, subscriber days, top spenders, tracking links) and the APIs that read it,
 * its Fanvue call budget, and stored data kept whole when Fanvue's answers fail.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class RevenueHeartbeatTest extends HeartbeatTests {

    private JsonPath fanvue(String path, Map<String, ?> query) {
        return RestAssured.given()
                .baseUri(SimulatorAdmin.baseUrl())
                .auth()
                .oauth2(world.adminToken)
                .header("X-Fanvue-API-Version", "2025-06-26")
                .queryParams(query)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Everything the heartbeat's steps keep, as text: equal text, nothing lost or changed. */
    private static String stored() {
        return StatsDb.rows("select (select string_agg(concat_ws(',', model_id, date, total, new_subscribers,"
                        + " cancelled_subscribers), ';' order by model_id, date) from subscriber_history) s,"
                        + " (select string_agg(concat_ws(',', model_id, period, fan_uuid, gross_amount,"
                        + " net_amount, messages_count, rank), ';' order by model_id, period, fan_uuid)"
                        + " from top_spenders) t,"
                        + " (select string_agg(concat_ws(',', model_id, fanvue_link_uuid, clicks,"
                        + " acquired_subscribers, total_revenue, total_net_revenue, not_listed_since), ';'"
                        + " order by model_id, fanvue_link_uuid) from tracking_links) l,"
                        + " (select count(*) || ',' || sum(net_amount) from fanvue_transactions) e,"
                        + " (select string_agg(concat_ws(',', id, revenue_total, subscribers_count,"
                        + " followers_count), ';' order by id) from models) m")
                .get(0)
                .toString();
    }

    @Test
    void theJobEndpointTakesServiceCredentialsOnlyAndAnswersProblemsForBadInput() {
        TestUsers.AGENCY_ADMIN.request().post(HEARTBEAT).then().statusCode(403);
        RestAssured.given().post(HEARTBEAT).then().statusCode(401);
        TestUsers.SERVICE
                .request()
                .queryParam("agencyId", "not-a-uuid")
                .post(HEARTBEAT)
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400));
    }

    @Test
    void aHeartbeatSyncsEveryStepAndRecordsItsRun() {
        JsonPath answer = heartbeat();

        assertThat(answer.getString("agencies[0].outcome")).isEqualTo("ran");
        assertThat(answer.getString("agencies[0].status"))
                .as(answer.getList("agencies[0].errors").toString())
                .isEqualTo("succeeded");
        assertThat(answer.getLong("agencies[0].creators")).isEqualTo(3);
        Map<String, Object> run = StatsDb.rows(
                        "select status, trigger, counts::text as counts, finished_at from job_runs"
                                + " where job = 'stats-revenue-heartbeat' and agency_id = ?",
                        world.tenants.agencyA())
                .get(0);
        assertThat(run.get("status")).isEqualTo("succeeded");
        assertThat(run.get("trigger")).isEqualTo("job");
        assertThat(run.get("finished_at")).isNotNull();
        assertThat((String) run.get("counts")).contains("\"earningsRowsWritten\"", "\"creators\": 3");
        assertThat(answer.getLong("agencies[0].counts.earningsRowsWritten"))
                .isEqualTo(StatsDb.count("select count(*) from fanvue_transactions"))
                .isPositive();

        for (int c = 0; c < ids.size(); c++) {
            String uuid = world.creatorUuids.get(c);
            UUID id = ids.get(c);
            // Subscriber history: the full series on the first heartbeat, as Fanvue has it.
            List<Map<String, Object>> series = fanvue("/creators/" + uuid + "/insights/subscribers", Map.of("size", 50))
                    .getList("data");
            assertThat(StatsDb.count("select count(*) from subscriber_history where model_id = ?", id))
                    .isGreaterThanOrEqualTo(series.size())
                    .isPositive();
            // Tracking links: every link Fanvue lists, with its figures.
            List<Map<String, Object>> links = fanvue("/creators/" + uuid + "/tracking-links", Map.of("limit", 50))
                    .getList("data");
            assertThat(StatsDb.count("select count(*) from tracking_links where model_id = ?", id))
                    .isEqualTo(links.size());
            for (Map<String, Object> link : links) {
                Map<String, Object> row = StatsDb.rows(
                                "select clicks, acquired_subscribers from tracking_links where fanvue_link_uuid = ?",
                                UUID.fromString((String) link.get("uuid")))
                        .get(0);
                assertThat(row.get("clicks")).isEqualTo(((Number) link.get("clicks")).longValue());
                assertThat(((Number) row.get("acquired_subscribers")).longValue())
                        .isEqualTo(
                                ((Number) ((Map<?, ?>) link.get("engagement")).get("acquiredSubscribers")).longValue());
            }
            // Top spenders: Fanvue's all-time ranking, in its order.
            List<String> fans = fanvue("/creators/" + uuid + "/insights/top-spenders", Map.of("size", 50))
                    .getList("data.user.uuid");
            List<String> stored = StatsDb.rows(
                            "select fan_uuid::text as fan from top_spenders where model_id = ? and period ="
                                    + " 'all_time' order by rank",
                            id)
                    .stream()
                    .map(r -> (String) r.get("fan"))
                    .toList();
            assertThat(stored).isEqualTo(fans);
        }
    }

    @Test
    void twoHeartbeatsAtOnceAreOneRun() throws Exception {
        SimulatorAdmin.latency(100, 0);
        try {
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> TestUsers.SERVICE
                    .request()
                    .queryParam("agencyId", world.tenants.agencyA().toString())
                    .post(HEARTBEAT));
            CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> TestUsers.SERVICE
                    .request()
                    .queryParam("agencyId", world.tenants.agencyA().toString())
                    .post(HEARTBEAT));
            JsonPath a = first.get().then().statusCode(200).extract().jsonPath();
            JsonPath b = second.get().then().statusCode(200).extract().jsonPath();

            assertThat(List.of(a.getString("agencies[0].outcome"), b.getString("agencies[0].outcome")))
                    .containsExactlyInAnyOrder("ran", "joined");
            assertThat(a.getString("agencies[0].runId")).isEqualTo(b.getString("agencies[0].runId"));
            assertThat(b.getMap("agencies[0].counts")).isEqualTo(a.getMap("agencies[0].counts"));
        } finally {
            SimulatorAdmin.latency(0, 0);
        }
        assertThat(StatsDb.count(
                        "select count(*) from job_runs where job = 'stats-revenue-heartbeat' and agency_id = ?",
                        world.tenants.agencyA()))
                .isEqualTo(1);
        // One run: each creator's earnings were read by one pass only.
        for (UUID id : ids) {
            assertThat(StatsDb.count(
                            "select count(*) from stats_earnings_sync where model_id = ? and status = 'succeeded'", id))
                    .isEqualTo(1);
        }
        long distinctKeys = StatsDb.count(
                "select count(distinct (model_id, transaction_date, dedup_key))" + " from fanvue_transactions");
        assertThat(StatsDb.count("select count(*) from fanvue_transactions")).isEqualTo(distinctKeys);
    }

    @Test
    void aSecondHeartbeatWritesNoEarningsAndStaysInsideTheCallBudget() {
        heartbeat();
        SimulatorAdmin.clearJournal();

        JsonPath again = heartbeat();

        assertThat(again.getLong("agencies[0].counts.earningsRowsWritten")).isZero();
        List<Map<String, Object>> calls = SimulatorAdmin.journal(Map.of());
        Map<Object, Long> perBucket = new HashMap<>();
        calls.forEach(call -> perBucket.merge(call.get("bucket"), 1L, Long::sum));
        // Per creator: earnings increment, subscriber days, top spenders twice, tracking links, the figures'
        // reads; one agency listing of subscriber history for all. Far below 200 per 60 s in every bucket.
        assertThat(perBucket.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(15));
        assertThat(calls.size()).isLessThanOrEqualTo(15 * ids.size());
        assertThat(calls).noneMatch(call -> Integer.valueOf(429).equals(call.get("status")));
    }

    @Test
    void failedOrMalformedAnswersKeepEveryStoredFigure() {
        heartbeat();
        String before = stored();
        assertThat(StatsDb.count("select count(*) from top_spenders")).isPositive();
        assertThat(StatsDb.count("select count(*) from tracking_links")).isPositive();

        for (String kind : List.of("error", "emptyObject", "emptyBody", "truncatedJson")) {
            SimulatorAdmin.clearFaults();
            Map<String, Object> fault = new HashMap<>(Map.of("path", "/creators/**", "kind", kind));
            if (kind.equals("error")) {
                fault.put("status", 500);
            }
            SimulatorAdmin.addFault(fault);
            SimulatorAdmin.addFault(Map.of("path", "/agencies/**", "kind", kind.equals("error") ? "error" : kind));

            JsonPath answer = heartbeat();

            assertThat(answer.getString("agencies[0].status")).as(kind).isEqualTo("partial");
            assertThat(answer.getList("agencies[0].errors")).as(kind).isNotEmpty();
            assertThat(stored()).as(kind).isEqualTo(before);
        }
    }

    @Test
    void theApisReadWhatTheHeartbeatWroteSortedAndDerived() {
        heartbeat();
        UUID creator = ids.get(0);

        JsonPath links = TestUsers.AGENCY_MEMBER
                .request()
                .get("/api/tracking-links")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> items = links.getList("items");
        assertThat(items).hasSize((int) StatsDb.count("select count(*) from tracking_links"));
        for (int i = 1; i < items.size(); i++) {
            assertThat(((Number) items.get(i - 1).get("revenueGross")).longValue())
                    .isGreaterThanOrEqualTo(((Number) items.get(i).get("revenueGross")).longValue());
        }
        for (Map<String, Object> link : items) {
            long clicks = ((Number) link.get("clicks")).longValue();
            int acquired = (Integer) link.get("acquiredSubscribers");
            if (clicks > 0) {
                assertThat(((Number) link.get("conversion")).doubleValue())
                        .isCloseTo((double) acquired / clicks, org.assertj.core.data.Offset.offset(1e-6));
            }
            if (acquired > 0) {
                assertThat(((Number) link.get("netPerAcquiredSubscriber")).longValue())
                        .isEqualTo(Math.round(((Number) link.get("revenueNet")).doubleValue() / acquired));
            }
        }

        JsonPath recent = TestUsers.AGENCY_MEMBER
                .request()
                .queryParam("creatorId", creator.toString())
                .queryParam("window", "30d")
                .get("/api/top-spenders")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(recent.getList("items")).isNotEmpty();
        // The last 30 days lie inside the synced earnings: Fanvue's ranking and our rows agree to the cent.
        assertThat(recent.getList("items.reconciled", Boolean.class)).containsOnly(true);
        JsonPath agencyWide = TestUsers.AGENCY_MEMBER
                .request()
                .queryParam("window", "all_time")
                .get("/api/top-spenders")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Long> gross = agencyWide.getList("items.gross", Long.class);
        assertThat(gross)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder())
                .hasSizeLessThanOrEqualTo(50);

        JsonPath audience = TestUsers.AGENCY_MEMBER
                .request()
                .queryParam("from", "2026-10-01")
                .queryParam("to", "2026-10-08")
                .get("/api/audience")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(audience.getList("agency")).hasSize(7);
        assertThat(audience.getList("creators")).hasSize(3);
        for (Map<String, Object> day : audience.<Map<String, Object>>getList("agency")) {
            long growth = ((Number) day.get("growth")).longValue();
            assertThat(growth)
                    .isEqualTo(((Number) day.get("newSubscribers")).longValue()
                            - ((Number) day.get("cancelledSubscribers")).longValue());
            long sum = StatsDb.count(
                    "select sum(total) from subscriber_history where agency_id = ? and date = ?::date",
                    world.tenants.agencyA(),
                    day.get("date"));
            assertThat(((Number) day.get("subscribers")).longValue()).isEqualTo(sum);
        }
    }

    @Test
    void anotherAgencysCreatorIsNotFoundOnEveryNewEndpoint() {
        heartbeat();
        String creator = ids.get(0).toString();
        for (String path : List.of(
                "/api/earnings",
                "/api/earnings.csv",
                "/api/earnings/summary",
                "/api/audience",
                "/api/top-spenders",
                "/api/tracking-links",
                "/api/analytics/earnings-over-time",
                "/api/analytics/golden-ratio",
                "/api/analytics/revenue-per-subscriber",
                "/api/analytics/best-times")) {
            TestUsers.OTHER_AGENCY_USER
                    .request()
                    .queryParam("creatorId", creator)
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType(startsWith("application/problem+json"));
            TestUsers.AGENCY_MEMBER
                    .request()
                    .queryParam("creatorId", creator)
                    .get(path)
                    .then()
                    .statusCode(200);
        }
        // Agency B's own views hold nothing of agency A.
        TestUsers.OTHER_AGENCY_USER
                .request()
                .get("/api/earnings")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void badParametersAnswerProblemsNeverFiveHundreds() {
        Map<String, Map<String, String>> cases = Map.of(
                "/api/earnings", Map.of("limit", "0"),
                "/api/earnings/summary", Map.of("granularity", "year"),
                "/api/audience", Map.of("from", "2026-13-01"),
                "/api/top-spenders", Map.of("window", "7d"),
                "/api/tracking-links", Map.of("creatorId", "nope"),
                "/api/analytics/golden-ratio", Map.of("timezone", "Mars/Olympus"),
                "/api/analytics/best-times", Map.of("from", "2026-10-02", "to", "2026-10-01"),
                "/api/earnings.csv", Map.of("cursor", "x", "source", "bad source!"));
        cases.forEach((path, query) -> TestUsers.AGENCY_MEMBER
                .request()
                .queryParams(query)
                .get(path)
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400)));
        TestUsers.AGENCY_MEMBER
                .request()
                .queryParam("cursor", "bm90LW91cnM")
                .get("/api/earnings")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void revenueFanvueDoesNotGiveIsDerivedFromSyncedEarningsNeverTheReverse() {
        heartbeat();
        UUID creator = ids.get(0);
        String uuid = world.creatorUuids.get(0);
        JsonPath summary = fanvue("/creators/" + uuid + "/insights/earnings/summary", Map.of());
        // Fanvue's own figure wins while Fanvue gives it (its summary, not our sum).
        assertThat(StatsDb.creator(creator).get("revenue_total")).isEqualTo(summary.getLong("totals.allTime.gross"));
        long syncedGross =
                StatsDb.count("select sum(gross_amount) from fanvue_transactions where model_id = ?", creator);
        long syncedNet = StatsDb.count("select sum(net_amount) from fanvue_transactions where model_id = ?", creator);

        // A creator Fanvue never gave revenue for, and whose summary now answers nothing usable.
        StatsDb.update(
                "update models set revenue_total = null, revenue_net_total = null, revenue_refreshed_at = null,"
                        + " revenue_net_refreshed_at = null, stats_attempted_at = null where id = ?",
                creator);
        SimulatorAdmin.addFault(
                Map.of("path", "/creators/" + uuid + "/insights/earnings/summary", "kind", "emptyObject"));
        heartbeat();

        Map<String, Object> row = StatsDb.creator(creator);
        assertThat(row.get("revenue_total")).isEqualTo(syncedGross);
        assertThat(row.get("revenue_net_total")).isEqualTo(syncedNet);

        // The synced sum covers the backfill only: a lower bound, never written over a higher stored figure.
        StatsDb.update(
                "update models set revenue_total = ?, stats_attempted_at = null where id = ?",
                syncedGross + 5_000,
                creator);
        heartbeat();
        assertThat(StatsDb.creator(creator).get("revenue_total")).isEqualTo(syncedGross + 5_000);
    }
}
