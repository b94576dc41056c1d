package com.onyxos.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.Earning;
import com.onyxos.simulator.world.Media;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Query filters really filter: dates (endDate exclusive), sources, media filters, chats, links, agency scopes. */
class QueryFilterTest {
    static SimFixture fx;
    static String creator;
    static String token;
    static AccountData data;

    @BeforeAll
    static void start() {
        fx = SimFixture.start();
        creator = fx.creator(0, 0);
        token = fx.fullToken(creator);
        data = fx.sim.world().creator(creator);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void earningsWindowIsHalfOpenAndSourcesFilter() {
        Earning pivot = data.earnings().get(10);
        String at = pivot.date().toString();
        List<Map<String, Object>> before = earnings(Map.of("endDate", at));
        List<Map<String, Object>> from = earnings(Map.of("startDate", at));
        assertThat(before.size() + from.size()).isEqualTo(data.earnings().size());
        assertThat(before).noneMatch(e -> Instant.parse((String) e.get("date")).compareTo(pivot.date()) >= 0);
        assertThat(from).allMatch(e -> !Instant.parse((String) e.get("date")).isBefore(pivot.date()));
        List<Map<String, Object>> tipsAndPosts = earnings(Map.of("source", "tip,post"));
        assertThat(tipsAndPosts)
                .isNotEmpty()
                .allMatch(e -> e.get("source").equals("tip") || e.get("source").equals("post"));
        assertThat(tipsAndPosts).hasSize((int) data.earnings().stream()
                .filter(e -> e.source().equals("tip") || e.source().equals("post"))
                .count());
        assertThat(earnings(Map.of("source", "all"))).hasSize(data.earnings().size());
    }

    @Test
    void earningsWindowsBoundedOnBothSidesListExactlyTheRowsInsideInOrder() {
        // The listing finds a window by binary search on its newest-first order: every window, bounds on a row's date
        // or between two, gives the rows a plain filter gives, in the same order, across pages.
        List<Earning> all = data.earnings();
        // Rows may share a date (reversals at the history's last second): such a window is empty and refused (400).
        int[][] cuts = {{5, 60}, {0, 1}, {0, 30}, {37, 38}, {all.size() / 3, all.size() - 1}};
        int windows = 0;
        for (int[] cut : cuts) {
            Instant end = all.get(cut[0]).date();
            Instant start = all.get(cut[1]).date();
            if (!start.isBefore(end)) {
                continue;
            }
            windows += 2;
            for (Instant[] window : new Instant[][] {{start, end}, {start.plusNanos(1000), end.plusNanos(1000)}}) {
                List<String> expected = all.stream()
                        .filter(e -> !e.date().isBefore(window[0]) && e.date().isBefore(window[1]))
                        .map(e -> e.date() + " " + e.transactionOrderId() + " " + e.gross())
                        .toList();
                List<String> listed =
                        earnings(Map.of("startDate", window[0].toString(), "endDate", window[1].toString())).stream()
                                .map(e -> Instant.parse((String) e.get("date")) + " " + e.get("transactionOrderId")
                                        + " " + e.get("gross"))
                                .toList();
                assertThat(listed).as("window %s", List.of(window)).isEqualTo(expected);
            }
        }
        assertThat(windows).isGreaterThanOrEqualTo(6);
        assertThat(earnings(Map.of("startDate", "2001-01-01T00:00:00Z", "endDate", "2001-02-01T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void badDatesAndSourcesAre400() {
        fx.api(token)
                .queryParam("startDate", "yesterday")
                .get("/insights/earnings")
                .then()
                .statusCode(400)
                .body("errors", hasSize(1));
        fx.api(token)
                .queryParam("source", "lottery")
                .get("/insights/earnings")
                .then()
                .statusCode(400);
        fx.api(token)
                .queryParam("startDate", "2026-10-02T00:00:00Z")
                .queryParam("endDate", "2026-10-01T00:00:00Z")
                .get("/insights/earnings")
                .then()
                .statusCode(400);
    }

    @Test
    void mediaFilters() {
        assertThat(media(Map.of("mediaType", "audio")))
                .hasSize(count(m -> m.mediaType().equals("audio")))
                .allMatch(m -> m.get("mediaType").equals("audio"));
        assertThat(media(Map.of("status", "ready,error")))
                .hasSize(count(m -> m.status().equals("ready") || m.status().equals("error")));
        assertThat(media(Map.of("folderName", "Beach")))
                .extracting(m -> m.get("uuid"))
                .containsExactlyInAnyOrderElementsOf(
                        data.folder("Beach").orElseThrow().mediaUuids());
        assertThat(media(Map.of("usage", "unused")))
                .isNotEmpty()
                .hasSizeLessThan(data.media().size());
        fx.api(token).queryParam("mediaType", "hologram").get("/media").then().statusCode(400);
        fx.api(token)
                .queryParam("variants", "main")
                .queryParam("size", 1)
                .get("/media")
                .then()
                .body("data[0].variants[0].variantType", equalTo("main"))
                .body("data[0].variants[0].url", startsWith("https://"));
        JsonPath noVariants = fx.api(token).queryParam("size", 1).get("/media").jsonPath();
        assertThat(noVariants.getMap("data[0]")).doesNotContainKey("variants");
    }

    @Test
    void chatsFilterSearchAndSort() {
        List<Map<String, Object>> unread = chats(Map.of("filter", "unread"));
        assertThat(unread)
                .hasSize((int) data.chats().stream().filter(c -> !c.isRead()).count())
                .allMatch(c -> c.get("isRead").equals(false));
        String handle =
                fx.sim.world().user(data.chats().get(0).fanUuid()).orElseThrow().handle();
        assertThat(chats(Map.of("search", handle)))
                .extracting(c -> (Object) ((Map<?, ?>) c.get("user")).get("handle"))
                .contains(handle);
        List<Map<String, Object>> sorted = chats(Map.of());
        for (int i = 1; i < sorted.size(); i++) {
            assertThat((String) sorted.get(i - 1).get("lastMessageAt"))
                    .isGreaterThanOrEqualTo((String) sorted.get(i).get("lastMessageAt"));
        }
        fx.api(token).queryParam("sortBy", "mood").get("/chats").then().statusCode(400);
    }

    @Test
    void trackingLinksCreatedWindow() {
        var links =
                data.trackingLinks().stream().map(l -> l.createdAt()).sorted().toList();
        Instant middle = links.get(links.size() / 2);
        List<Map<String, Object>> after = fx.api(token)
                .queryParam("createdAfter", middle.toString())
                .queryParam("limit", 50)
                .get("/tracking-links")
                .jsonPath()
                .getList("data");
        assertThat(after)
                .hasSize((int) links.stream().filter(t -> t.isAfter(middle)).count());
    }

    @Test
    void summaryBucketsByWeekAndSumsTheWindow() {
        JsonPath week = fx.api(token)
                .queryParam("granularity", "week")
                .queryParam("startDate", "2026-10-05T00:00:00Z")
                .queryParam("endDate", "2026-11-02T00:00:00Z")
                .get("/insights/earnings/summary")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(week.getList("overTime")).hasSize(4);
        long expected = data.earnings().stream()
                .filter(e -> !e.date().isBefore(Instant.parse("2026-10-05T00:00:00Z"))
                        && e.date().isBefore(Instant.parse("2026-11-02T00:00:00Z")))
                .mapToLong(Earning::net)
                .sum();
        List<Integer> nets = week.getList("overTime.net");
        assertThat(nets.stream().mapToLong(Integer::longValue).sum()).isEqualTo(expected);
        assertThat(week.getLong("totals.allTime.net")).isEqualTo(data.earningsTotal());
        fx.api(token)
                .queryParam("granularity", "month")
                .get("/insights/earnings/summary")
                .then()
                .statusCode(400);
    }

    @Test
    void agencyEndpointsNeedDatesAndNarrowByCreator() {
        String admin = fx.fullToken(fx.admin(0));
        fx.api(admin).get("/agencies/earnings").then().statusCode(400).body("errors", hasSize(1));
        fx.api(admin)
                .queryParam("startDate", "2026-11-01T00:00:00Z")
                .get("/agencies/subscribers-history")
                .then()
                .statusCode(400);
        String other = fx.creator(0, 1);
        List<Map<String, Object>> rows = fx.api(admin)
                .queryParam("startDate", "2026-11-01T00:00:00Z")
                .queryParam("endDate", "2026-11-08T00:00:00Z")
                .queryParam("creatorUuids", other)
                .queryParam("size", 50)
                .get("/agencies/subscribers-history")
                .jsonPath()
                .getList("data");
        assertThat(rows).hasSize(7).allMatch(r -> r.get("creatorUuid").equals(other));
        String tooMany = String.join(",", Collections.nCopies(51, other));
        fx.api(admin)
                .queryParam("startDate", "2026-11-01T00:00:00Z")
                .queryParam("endDate", "2026-11-08T00:00:00Z")
                .queryParam("creatorUuids", tooMany)
                .get("/agencies/earnings")
                .then()
                .statusCode(400);
    }

    private List<Map<String, Object>> earnings(Map<String, String> params) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            var request = fx.api(token).queryParams(params).queryParam("size", 50);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath json = request.get("/insights/earnings")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            all.addAll(json.getList("data"));
            cursor = json.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    private List<Map<String, Object>> media(Map<String, String> params) {
        return pages("/media", params);
    }

    private List<Map<String, Object>> chats(Map<String, String> params) {
        return pages("/chats", params);
    }

    private List<Map<String, Object>> pages(String path, Map<String, String> params) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonPath json = fx.api(token)
                    .queryParams(params)
                    .queryParam("size", 50)
                    .queryParam("page", page)
                    .get(path)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            all.addAll(json.getList("data"));
            if (!json.getBoolean("pagination.hasMore")) {
                return all;
            }
        }
    }

    private static int count(Predicate<Media> filter) {
        return (int) data.media().values().stream().filter(filter).count();
    }
}
