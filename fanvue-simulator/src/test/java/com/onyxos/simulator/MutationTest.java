package com.onyxos.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.onyxos.simulator.control.NewEarning;
import com.onyxos.simulator.control.NewMedia;
import com.onyxos.simulator.world.Media;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Changes between syncs show up on the API exactly as made. */
class MutationTest {
    SimFixture fx;
    String creator;
    String token;

    @BeforeEach
    void start() {
        fx = SimFixture.start();
        creator = fx.creator(0, 0);
        token = fx.fullToken(creator);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void addedMediaAppearsInItsFolderAndTheMediaList() {
        Media media = fx.sim.control().addMedia(creator, new NewMedia("Gym", "video", "new clip"));
        assertThat(folderMedia("Gym")).contains(media.uuid());
        fx.api(token).get("/media/" + media.uuid()).then().statusCode(200).body("mediaType", equalTo("video"));
        fx.api(token).queryParam("size", 1).get("/media").then().body("data[0].uuid", equalTo(media.uuid()));
    }

    @Test
    void renamedFolderIsReachableOnlyByItsNewName() {
        List<String> before = folderMedia("Gym");
        fx.sim.control().renameFolder(creator, "Gym", "Gym & Yoga");
        fx.api(token)
                .get("/vault/folders/Gym/media")
                .then()
                .statusCode(404)
                .body("message", equalTo("Folder not found"));
        assertThat(folderMedia("Gym & Yoga")).isEqualTo(before);
    }

    @Test
    void movedMediaChangesFolders() {
        String uuid = folderMedia("Gym").get(0);
        fx.sim.control().moveMedia(creator, uuid, "Gym", "Travel");
        assertThat(folderMedia("Gym")).doesNotContain(uuid);
        assertThat(folderMedia("Travel")).contains(uuid);
    }

    @Test
    void deletedMediaIsGoneEverywhere() {
        String uuid = folderMedia("Gym").get(0);
        fx.sim.control().deleteMedia(creator, uuid);
        assertThat(folderMedia("Gym")).doesNotContain(uuid);
        fx.api(token).get("/media/" + uuid).then().statusCode(404);
        assertThat(fx.allPages(token, "/media", 50))
                .extracting(m -> m.get("uuid"))
                .doesNotContain(uuid);
    }

    @Test
    void deletedFolderIs404AndLeavesItsMediaInTheVault() {
        String uuid = folderMedia("Gym").get(0);
        fx.sim.control().deleteFolder(creator, "Gym");
        fx.api(token).get("/vault/folders/Gym/media").then().statusCode(404);
        fx.api(token).queryParam("size", 50).get("/vault/folders").then().body("data.name", not(hasItem("Gym")));
        fx.api(token).get("/media/" + uuid).then().statusCode(200);
    }

    @Test
    void addedEarningsMoveTheTotalsAndTheTruth() {
        long total = fx.api(token).get("/users/account").jsonPath().getLong("account.earnings.total");
        var message = fx.sim.world().creator(creator).chats().stream()
                .flatMap(c -> c.messages().stream())
                .filter(m -> m.price() != null)
                .findFirst()
                .orElseThrow();
        String media = message.mediaUuids().get(0);
        long revenueBefore = fx.sim.control().truth(creator).media().get(media).revenue();
        fx.sim
                .control()
                .addEarning(
                        creator, new NewEarning("message", 1000, 800L, null, null, message.uuid(), null, null, null));
        fx.api(token).get("/users/account").then().body("account.earnings.total", equalTo((int) (total + 800)));
        fx.api(token)
                .queryParam("size", 1)
                .get("/insights/earnings")
                .then()
                .body("data[0].messageUuid", equalTo(message.uuid()))
                .body("data[0].gross", equalTo(1000));
        long share = 1000 / message.mediaUuids().size();
        long expected = 1000 - share * (message.mediaUuids().size() - 1);
        assertThat(fx.sim.control().truth(creator).media().get(media).revenue()).isEqualTo(revenueBefore + expected);
    }

    @Test
    void anOrdersStatusChangesInPlaceOverTheAdminApi() {
        Map<String, Object> original = fx.allCursor(token, "/insights/earnings", "size", 50).stream()
                .filter(e -> ((Number) e.get("gross")).longValue() > 0)
                .findFirst()
                .orElseThrow();
        String order = (String) original.get("transactionOrderId");
        int rows = fx.allCursor(token, "/insights/earnings", "size", 50).size();

        fx.plain()
                .contentType("application/json")
                .body(Map.of("transactionOrderStatus", "disputed"))
                .patch("/_simulator/creators/" + creator + "/earnings/" + order)
                .then()
                .statusCode(200)
                .body("changed", equalTo(1));

        List<Map<String, Object>> after = fx.allCursor(token, "/insights/earnings", "size", 50);
        assertThat(after).hasSize(rows);
        assertThat(after.stream()
                        .filter(e ->
                                order.equals(e.get("transactionOrderId")) && ((Number) e.get("gross")).longValue() > 0)
                        .map(e -> e.get("transactionOrderStatus")))
                .containsExactly("disputed");
        fx.plain()
                .contentType("application/json")
                .body(Map.of("transactionOrderStatus", "completed"))
                .patch("/_simulator/creators/" + creator + "/earnings/no-such-order")
                .then()
                .statusCode(404);
    }

    @Test
    void adminHttpApiMutates() {
        String base = "/_simulator/creators/" + creator;
        fx.plain()
                .contentType("application/json")
                .body(Map.of("name", "Fresh"))
                .post(base + "/folders")
                .then()
                .statusCode(201);
        String uuid = fx.plain()
                .contentType("application/json")
                .body(Map.of("folderName", "Fresh", "mediaType", "audio"))
                .post(base + "/media")
                .then()
                .statusCode(201)
                .extract()
                .path("uuid");
        assertThat(folderMedia("Fresh")).containsExactly(uuid);
        fx.plain()
                .contentType("application/json")
                .body(Map.of("from", "Fresh", "to", "Gym"))
                .post(base + "/media/" + uuid + "/move")
                .then()
                .statusCode(204);
        fx.plain()
                .contentType("application/json")
                .body(Map.of("name", "Stale"))
                .patch(base + "/folders/Fresh")
                .then()
                .statusCode(204);
        assertThat(folderMedia("Stale")).isEmpty();
        fx.plain().delete(base + "/media/" + uuid).then().statusCode(204);
        fx.plain().delete(base + "/folders/Stale").then().statusCode(204);
        fx.plain().delete(base + "/folders/Stale").then().statusCode(404);
        fx.plain()
                .contentType("application/json")
                .body(Map.of("source", "tip", "gross", 500))
                .post(base + "/earnings")
                .then()
                .statusCode(201)
                .body("net", equalTo(400));
        fx.plain()
                .contentType("application/json")
                .body(Map.of("name", "Beach"))
                .post(base + "/folders")
                .then()
                .statusCode(400);
    }

    private List<String> folderMedia(String folder) {
        String path = "/vault/folders/"
                + URLEncoder.encode(folder, StandardCharsets.UTF_8).replace("+", "%20") + "/media";
        return fx.allPages(token, path, 50).stream()
                .map(m -> (String) m.get("uuid"))
                .toList();
    }
}
