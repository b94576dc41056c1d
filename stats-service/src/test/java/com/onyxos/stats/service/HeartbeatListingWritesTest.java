package com.onyxos.stats.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.SimulatorAdmin;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.stats.testing.StatsDb;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The heartbeat writes only the top spenders and tracking links that changed: an unchanged heartbeat writes none of
 * their rows (same row versions, 0 in the job run record) while their listings' freshness moves on; a changed figure
 * is written, and only it; a fan or link Fanvue no longer lists is removed (a spender) or kept and marked (a link),
 * as before; a failed answer changes nothing, freshness included.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class HeartbeatListingWritesTest extends HeartbeatTests {

    private static final String VERSIONS = "select (select string_agg(id || ':' || xmin::text, ',' order by id)"
            + " from top_spenders) as spenders, (select string_agg(id || ':' || xmin::text || ':' || updated_at,"
            + " ',' order by id) from tracking_links) as links";

    /** The agency's run of one heartbeat, as the job endpoint answers it. */
    private Map<String, Object> run() {
        return heartbeat().getMap("agencies[0]");
    }

    /** The counts the newest heartbeat run recorded in {@code job_runs}. */
    private Map<String, Object> recordedCounts() {
        return StatsDb.rows(
                        "select (counts->>'topSpendersWritten')::bigint as spenders,"
                                + " (counts->>'trackingLinksWritten')::bigint as links from job_runs"
                                + " where job = 'stats-revenue-heartbeat' and agency_id = ? order by started_at desc"
                                + " limit 1",
                        world.tenants.agencyA())
                .get(0);
    }

    private static Map<String, Object> versions() {
        return StatsDb.rows(VERSIONS).get(0);
    }

    private static Map<String, Instant> listedAt() {
        Map<String, Instant> listed = new java.util.TreeMap<>();
        StatsDb.rows("select model_id || '/' || listing as k, listed_at from stats_listings")
                .forEach(row -> listed.put((String) row.get("k"), (Instant) row.get("listed_at")));
        return listed;
    }

    @Test
    void anUnchangedHeartbeatWritesNoSpenderOrLinkRowButItsListingsAreFresher() {
        Map<String, Object> first = run();
        assertThat(count(first, "topSpendersWritten")).isPositive();
        assertThat(count(first, "trackingLinksWritten")).isPositive();
        Map<String, Object> before = versions();
        Map<String, Instant> listedBefore = listedAt();
        // Every creator's three listings: top spenders of both windows and the links.
        assertThat(listedBefore).hasSize(3 * ids.size());

        Map<String, Object> again = run();

        assertThat(again.get("status")).isEqualTo("succeeded");
        assertThat(count(again, "topSpendersWritten")).isZero();
        assertThat(count(again, "trackingLinksWritten")).isZero();
        assertThat(recordedCounts()).containsEntry("spenders", 0L).containsEntry("links", 0L);
        assertThat(versions()).isEqualTo(before);
        Map<String, Instant> listedAfter = listedAt();
        assertThat(listedAfter.keySet()).isEqualTo(listedBefore.keySet());
        listedAfter.forEach((listing, at) -> assertThat(at).as(listing).isAfter(listedBefore.get(listing)));
        // The API says when Fanvue last confirmed the figures: the second heartbeat, not the first write.
        Instant linksListed = listedAfter.get(ids.get(0) + "/trackingLinks");
        JsonPath links = TestUsers.AGENCY_MEMBER
                .request()
                .queryParam("creatorId", ids.get(0).toString())
                .get("/api/tracking-links")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(links.getList("items.refreshedAt", String.class))
                .isNotEmpty()
                .allSatisfy(at -> assertThat(Instant.parse(at)).isEqualTo(linksListed));
        Instant spendersListed = listedAfter.get(ids.get(0) + "/topSpenders.all_time");
        JsonPath spenders = TestUsers.AGENCY_MEMBER
                .request()
                .queryParam("creatorId", ids.get(0).toString())
                .queryParam("window", "all_time")
                .get("/api/top-spenders")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(spenders.getList("items.refreshedAt", String.class))
                .isNotEmpty()
                .allSatisfy(at -> assertThat(Instant.parse(at)).isEqualTo(spendersListed));
    }

    @Test
    void aChangedFigureIsWrittenAndOnlyIt() {
        run();
        UUID creator = ids.get(0);
        Map<String, Object> spender = StatsDb.rows(
                        "select id, gross_amount from top_spenders where model_id = ? and period = 'all_time'"
                                + " order by rank limit 1",
                        creator)
                .get(0);
        Map<String, Object> link = StatsDb.rows(
                        "select id, clicks from tracking_links where model_id = ? order by fanvue_link_uuid limit 1",
                        creator)
                .get(0);
        // What we store differs from what Fanvue says now: the same as Fanvue's figure having moved.
        StatsDb.update("update top_spenders set gross_amount = gross_amount + 1 where id = ?", spender.get("id"));
        StatsDb.update("update tracking_links set clicks = clicks + 7 where id = ?", link.get("id"));
        Map<String, Object> before = versions();

        Map<String, Object> again = run();

        assertThat(count(again, "topSpendersWritten")).isEqualTo(1);
        assertThat(count(again, "trackingLinksWritten")).isEqualTo(1);
        assertThat(recordedCounts()).containsEntry("spenders", 1L).containsEntry("links", 1L);
        assertThat(StatsDb.count("select gross_amount from top_spenders where id = ?", spender.get("id")))
                .isEqualTo((Long) spender.get("gross_amount"));
        assertThat(StatsDb.count("select clicks from tracking_links where id = ?", link.get("id")))
                .isEqualTo((Long) link.get("clicks"));
        // Every other row is the version it was.
        assertThat(changed(before, versions())).containsExactlyInAnyOrder(spender.get("id"), link.get("id"));
    }

    @Test
    void aSpenderFanvueNoLongerListsIsRemovedAndALinkIsKeptAndMarked() {
        run();
        UUID creator = ids.get(0);
        UUID goneFan = UUID.randomUUID();
        UUID goneLink = UUID.randomUUID();
        StatsDb.update(
                "insert into top_spenders (agency_id, model_id, period, fan_uuid, gross_amount, net_amount, rank,"
                        + " refreshed_at) values (?, ?, 'all_time', ?, 999, 800, 51, now())",
                world.tenants.agencyA(),
                creator,
                goneFan);
        StatsDb.update(
                "insert into tracking_links (agency_id, model_id, fanvue_link_uuid, name, clicks,"
                        + " acquired_subscribers, total_revenue, refreshed_at) values (?, ?, ?, 'gone', 40, 4, 1234,"
                        + " now() - interval '1 day')",
                world.tenants.agencyA(),
                creator,
                goneLink);
        Instant lastListed = listedAt().get(creator + "/trackingLinks");

        Map<String, Object> again = run();

        assertThat(count(again, "topSpendersWritten")).isEqualTo(1);
        assertThat(count(again, "trackingLinksWritten")).isEqualTo(1);
        assertThat(StatsDb.count("select count(*) from top_spenders where fan_uuid = ?", goneFan))
                .isZero();
        Map<String, Object> kept = StatsDb.rows(
                        "select clicks, total_revenue, not_listed_since, refreshed_at from tracking_links"
                                + " where fanvue_link_uuid = ?",
                        goneLink)
                .get(0);
        assertThat(kept.get("clicks")).isEqualTo(40L);
        assertThat(kept.get("total_revenue")).isEqualTo(1234L);
        assertThat(kept.get("not_listed_since")).isNotNull();
        // Last listed: the complete listing before the one that no longer had it.
        assertThat((Instant) kept.get("refreshed_at")).isEqualTo(lastListed);
        JsonPath links = TestUsers.AGENCY_MEMBER
                .request()
                .queryParam("creatorId", creator.toString())
                .get("/api/tracking-links")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> shown = links.<Map<String, Object>>getList("items").stream()
                .filter(item -> goneLink.toString().equals(item.get("linkUuid")))
                .findFirst()
                .orElseThrow();
        assertThat(shown.get("listed")).isEqualTo(false);
        assertThat(Instant.parse((String) shown.get("refreshedAt"))).isEqualTo(lastListed);

        // Marked once: the next heartbeat writes nothing for it.
        Map<String, Object> third = run();
        assertThat(count(third, "trackingLinksWritten")).isZero();
        assertThat(count(third, "topSpendersWritten")).isZero();
    }

    @Test
    void aFailedListingWritesNothingAndItsFreshnessStays() {
        run();
        Map<String, Object> before = versions();
        Map<String, Instant> listedBefore = listedAt();
        SimulatorAdmin.addFault(Map.of("path", "/creators/*/tracking-links", "kind", "error", "status", 500));
        SimulatorAdmin.addFault(Map.of("path", "/creators/*/insights/top-spenders", "kind", "emptyObject"));

        Map<String, Object> again = run();

        assertThat(again.get("status")).isEqualTo("partial");
        assertThat(count(again, "topSpendersWritten")).isZero();
        assertThat(count(again, "trackingLinksWritten")).isZero();
        assertThat(versions()).isEqualTo(before);
        assertThat(listedAt()).isEqualTo(listedBefore);
    }

    private static long count(Map<String, Object> agencyRun, String key) {
        return ((Number) ((Map<?, ?>) agencyRun.get("counts")).get(key)).longValue();
    }

    /** The ids whose row version differs between two {@link #VERSIONS} readings. */
    private static List<Object> changed(Map<String, Object> before, Map<String, Object> after) {
        java.util.Set<String> old = new java.util.HashSet<>();
        before.values().forEach(v -> old.addAll(List.of(((String) v).split(","))));
        return after.values().stream()
                .flatMap(v -> java.util.Arrays.stream(((String) v).split(",")))
                .filter(entry -> !old.contains(entry))
                .map(entry -> (Object) UUID.fromString(entry.substring(0, entry.indexOf(':'))))
                .toList();
    }
}
