package com.onyxos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.simulator.control.CreatorTruth;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ground truth agrees with what a client can rebuild from the API alone, using the documented split rule. */
class GroundTruthTest {
    static SimFixture fx;

    @BeforeAll
    static void start() {
        fx = SimFixture.start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void perMediaRevenueAndUseMatchTheApi() {
        String creator = fx.creator(0, 2);
        String token = fx.fullToken(fx.admin(0));
        String base = "/creators/" + creator;
        Map<String, List<String>> messageMedia = new HashMap<>();
        Map<String, int[]> uses = new HashMap<>();
        for (Map<String, Object> chat : fx.allPages(token, base + "/chats", 50)) {
            String fan = (String) ((Map<String, Object>) chat.get("user")).get("uuid");
            for (Map<String, Object> m : fx.allPages(token, base + "/chats/" + fan + "/messages", 50)) {
                if (((Map<String, Object>) m.get("sender")).get("uuid").equals(creator)) {
                    List<String> media = (List<String>) m.get("mediaUuids");
                    messageMedia.put((String) m.get("uuid"), media);
                    for (String uuid : media) {
                        int[] u = uses.computeIfAbsent(uuid, k -> new int[2]);
                        u[0]++;
                        u[1] += m.get("purchasedAt") != null ? 1 : 0;
                    }
                }
            }
        }
        Map<String, Long> revenue = new HashMap<>();
        for (Map<String, Object> e : fx.allCursor(token, base + "/insights/earnings", "size", 50)) {
            List<String> media = messageMedia.get(e.get("messageUuid"));
            if ("message".equals(e.get("source")) && media != null && !media.isEmpty()) {
                long gross = ((Number) e.get("gross")).longValue();
                long share = gross / media.size();
                for (int i = 0; i < media.size(); i++) {
                    revenue.merge(media.get(i), i == 0 ? gross - share * (media.size() - 1) : share, Long::sum);
                }
            }
        }
        CreatorTruth truth = fx.sim.control().truth(creator);
        assertThat(revenue).isNotEmpty();
        revenue.forEach((media, cents) ->
                assertThat(truth.media().get(media).revenue()).as(media).isEqualTo(cents));
        uses.forEach((media, u) -> {
            assertThat(truth.media().get(media).timesSent()).isEqualTo(u[0]);
            assertThat(truth.media().get(media).timesUnlocked()).isEqualTo(u[1]);
        });
        long apiTotal = fx.api(token).get(base + "/account").jsonPath().getLong("account.earnings.total");
        assertThat(truth.earnings().net()).isEqualTo(apiTotal);
        assertThat(truth.earnings().refunds()).isPositive();
    }

    @Test
    void aWindowedTruthSumsTheRowsDatedInItBySourceGrossAndNet() {
        String creator = fx.creator(0, 1);
        String token = fx.fullToken(fx.admin(0));
        Instant start = Instant.parse("2026-09-01T00:00:00Z");
        Instant end = Instant.parse("2026-10-15T12:00:00Z");
        Map<String, Long> gross = new HashMap<>();
        Map<String, Long> net = new HashMap<>();
        int rows = 0;
        for (Map<String, Object> e : fx.allCursor(token, "/creators/" + creator + "/insights/earnings", "size", 50)) {
            Instant date = Instant.parse((String) e.get("date"));
            if (!date.isBefore(start) && date.isBefore(end)) {
                gross.merge((String) e.get("source"), ((Number) e.get("gross")).longValue(), Long::sum);
                net.merge((String) e.get("source"), ((Number) e.get("net")).longValue(), Long::sum);
                rows++;
            }
        }
        var truth = fx.plain()
                .queryParam("startDate", start.toString())
                .queryParam("endDate", end.toString())
                .get("/_simulator/creators/" + creator + "/truth")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(truth.getInt("earnings.rows")).isEqualTo(rows).isPositive();
        assertThat(truth.getMap("earnings.grossBySource", String.class, Long.class))
                .isEqualTo(gross);
        assertThat(truth.getMap("earnings.netBySource", String.class, Long.class))
                .isEqualTo(net);
        assertThat(truth.getLong("earnings.gross"))
                .isEqualTo(gross.values().stream().mapToLong(Long::longValue).sum());
        fx.plain()
                .queryParam("startDate", "yesterday")
                .get("/_simulator/creators/" + creator + "/truth")
                .then()
                .statusCode(400);
    }

    @Test
    void truthIsServedOverHttp() {
        String creator = fx.creator(1, 0);
        String json = fx.plain()
                .get("/_simulator/creators/" + creator + "/truth")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(json).contains("\"timesSent\"", "\"timesUnlocked\"", "\"revenue\"", "\"earnings\"");
        fx.plain().get("/_simulator/creators/" + fx.admin(0) + "/truth").then().statusCode(404);
    }
}
