package com.onyxos.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both pagination styles: pages cover the set exactly once, end markers are right, bad parameters are 400. */
class PaginationTest {
    static SimFixture fx;
    static String creator;
    static String token;

    @BeforeAll
    static void start() {
        fx = SimFixture.start();
        creator = fx.creator(0, 0);
        token = fx.fullToken(creator);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 15, 50})
    void pagesCoverEveryMediaOnceInAStableOrder(int size) {
        List<Map<String, Object>> all = fx.allPages(token, "/media", size);
        List<Object> uuids = all.stream().map(m -> m.get("uuid")).toList();
        assertThat(uuids)
                .hasSize(fx.sim.world().creator(creator).media().size())
                .doesNotHaveDuplicates();
        assertThat(new HashSet<>(uuids))
                .isEqualTo(new HashSet<>(fx.sim.world().creator(creator).media().keySet()));
        assertThat(uuids)
                .isEqualTo(fx.allPages(token, "/media", 50).stream()
                        .map(m -> m.get("uuid"))
                        .toList());
    }

    @Test
    void lastPageSaysNoMoreAndBeyondIsEmpty() {
        int total = fx.sim.world().creator(creator).media().size();
        int size = 7;
        int lastPage = (total + size - 1) / size;
        fx.api(token)
                .queryParam("page", lastPage)
                .queryParam("size", size)
                .get("/media")
                .then()
                .body("pagination.hasMore", equalTo(false))
                .body("pagination.page", equalTo(lastPage))
                .body("pagination.size", equalTo(size))
                .body("data", hasSize(total - (lastPage - 1) * size));
        fx.api(token)
                .queryParam("page", lastPage - 1)
                .queryParam("size", size)
                .get("/media")
                .then()
                .body("pagination.hasMore", equalTo(true));
        fx.api(token)
                .queryParam("page", lastPage + 1)
                .queryParam("size", size)
                .get("/media")
                .then()
                .statusCode(200)
                .body("data", empty())
                .body("pagination.hasMore", equalTo(false));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 15, 20, 30})
    void hasMoreTurnsFalseOnThePageHoldingTheLastItem(int size) {
        int total = fx.sim.world().creator(creator).media().size();
        int lastPage = (total + size - 1) / size;
        fx.api(token)
                .queryParam("page", lastPage)
                .queryParam("size", size)
                .get("/media")
                .then()
                .body("data", hasSize(total - (lastPage - 1) * size))
                .body("pagination.hasMore", equalTo(false));
        List<Map<String, Object>> cursorAll = fx.allCursor(token, "/insights/subscribers", "size", size);
        assertThat(cursorAll).hasSize(fx.sim.control().settings().days());
        int days = fx.sim.control().settings().days();
        String lastCursor = days > size ? Pages64.offset(((days - 1) / size) * size) : null;
        if (lastCursor != null) {
            fx.api(token)
                    .queryParam("size", size)
                    .queryParam("cursor", lastCursor)
                    .get("/insights/subscribers")
                    .then()
                    .body("nextCursor", nullValue())
                    .body("data", hasSize(days - ((days - 1) / size) * size));
        }
    }

    @Test
    void defaultPageSizeIs15() {
        fx.api(token).get("/media").then().body("pagination.size", equalTo(15)).body("pagination.page", equalTo(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"size=0", "size=51", "size=abc", "page=0", "page=-1"})
    void outOfRangePageParametersAre400WithErrors(String param) {
        String[] kv = param.split("=");
        fx.api(token)
                .queryParam(kv[0], kv[1])
                .get("/media")
                .then()
                .statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0]", notNullValue());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 13, 20, 50})
    void cursorsCoverEveryEarningsRowOnce(int size) {
        List<Map<String, Object>> all = fx.allCursor(token, "/insights/earnings", "size", size);
        assertThat(all).hasSize(fx.sim.world().creator(creator).earnings().size());
        assertThat(all.stream().map(e -> e.get("transactionOrderId") + "/" + e.get("transactionOrderStatus")))
                .doesNotHaveDuplicates();
    }

    @Test
    void cursorDefaultsTo20AndEndsWithNull() {
        fx.api(token).get("/insights/earnings").then().body("data", hasSize(20)).body("nextCursor", notNullValue());
        List<Map<String, Object>> links = fx.allCursor(token, "/tracking-links", "limit", 1);
        assertThat(links)
                .hasSize(fx.sim.world().creator(creator).trackingLinks().size());
        fx.api(token).queryParam("limit", 50).get("/tracking-links").then().body("nextCursor", nullValue());
    }

    @Test
    void subscriberSeriesIsCursorPaged() {
        List<Map<String, Object>> days = fx.allCursor(token, "/insights/subscribers", "size", 11);
        assertThat(days).hasSize(fx.sim.control().settings().days());
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage!", "b2Zmc2V0Oi0x", "eHl6"})
    void foreignCursorsAre400(String cursor) {
        fx.api(token)
                .queryParam("cursor", cursor)
                .get("/insights/earnings")
                .then()
                .statusCode(400)
                .body("errors", hasSize(1));
    }

    @Test
    void cursorLimitIsChecked() {
        fx.api(token).queryParam("limit", 51).get("/tracking-links").then().statusCode(400);
        fx.api(token).queryParam("size", 0).get("/insights/subscribers").then().statusCode(400);
    }

    /** Builds the simulator's documented cursor form, to land exactly on the last page. */
    static final class Pages64 {
        static String offset(int offset) {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
        }
    }
}
