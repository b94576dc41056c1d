package com.onyxos.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.onyxos.simulator.control.JournalEntry;
import com.onyxos.simulator.control.JournalFilter;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request journal: what was recorded, the filters, clearing, over Java and HTTP. */
class JournalTest {
    static SimFixture fx;
    static String admin;
    static String token;

    @BeforeAll
    static void start() {
        fx = SimFixture.start();
        admin = fx.admin(0);
        token = fx.fullToken(admin);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @BeforeEach
    void clear() {
        fx.sim.control().clearJournal();
    }

    @Test
    void recordsRouteTemplateConcretePathQueryStatusBucketAndUser() {
        String creator = fx.creator(0, 1);
        fx.api(token)
                .queryParam("page", 2)
                .get("/creators/" + creator + "/vault/folders")
                .then()
                .statusCode(200);
        List<JournalEntry> entries = fx.sim.control().journal(JournalFilter.ALL);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.method()).isEqualTo("GET");
            assertThat(e.path()).isEqualTo("/creators/" + creator + "/vault/folders");
            assertThat(e.route()).isEqualTo("/creators/{creatorUserUuid}/vault/folders");
            assertThat(e.query()).isEqualTo("page=2");
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.user()).isEqualTo(admin);
            assertThat(e.bucket()).isEqualTo("onyx-local|" + admin + "|" + creator);
            assertThat(e.early()).isFalse();
        });
    }

    @Test
    void filtersNarrowTheEntries() {
        fx.api(token).get("/users/me").then().statusCode(200);
        fx.api(token).get("/vault/folders/nope/media").then().statusCode(404);
        fx.api("bad").get("/users/me").then().statusCode(401);
        fx.plain().get("/nowhere").then().statusCode(404);
        assertThat(fx.sim.control().journal(JournalFilter.ALL)).hasSize(4);
        assertThat(fx.sim.control().journal(JournalFilter.ALL.withStatus(404))).hasSize(2);
        assertThat(fx.sim.control().journal(JournalFilter.ALL.withRoute("/users/me")))
                .hasSize(2);
        assertThat(fx.sim.control().journal(JournalFilter.ALL.withPath("/vault/**")))
                .hasSize(1);
        assertThat(fx.sim.control().journal(new JournalFilter(null, null, null, null, admin, null, null, null)))
                .hasSize(2);
    }

    @Test
    void httpJournalFiltersAndClears() {
        fx.api(token).get("/users/me").then().statusCode(200);
        fx.api(token).get("/posts").then().statusCode(200);
        fx.plain()
                .queryParam("route", "/posts")
                .get("/_simulator/journal")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].status", equalTo(200))
                .body("[0].user", equalTo(admin));
        fx.plain().delete("/_simulator/journal").then().statusCode(204);
        fx.plain().get("/_simulator/journal").then().body("$", hasSize(0));
        fx.plain().get("/_simulator/stats").then().statusCode(200).body("earlyRequests", equalTo(0));
    }

    @Test
    void adminCallsAreNotJournaled() {
        fx.plain().get("/_simulator/world").then().statusCode(200);
        assertThat(fx.sim.control().journal(JournalFilter.ALL)).isEmpty();
    }
}
