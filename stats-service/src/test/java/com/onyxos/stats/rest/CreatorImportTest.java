package com.onyxos.stats.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.SimulatorAdmin;
import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.stats.job.ScheduledJobs;
import com.onyxos.stats.service.BackgroundRefresh;
import com.onyxos.stats.testing.MutableClock;
import com.onyxos.stats.testing.StatsDb;
import com.onyxos.stats.testing.StatsWorld;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Creators imported from Fanvue: idempotent, creators who left kept and marked, self and personal creators. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class CreatorImportTest {

    /** vault-sync-service's CreatorRows.active query, as it reads the creators stats-service writes. */
    private static final String VAULT_ACTIVE_CREATORS =
            "select id, agency_id, fanvue_user_uuid, handle from models where agency_id = ? and status = 'active'"
                    + " order by handle, id";

    @Inject
    BackgroundRefresh background;

    @Inject
    ScheduledJobs jobs;

    @Inject
    MutableClock clock;

    @BeforeEach
    void clock() {
        clock.reset();
    }

    @AfterEach
    void quiet() {
        StatsWorld.awaitQuiet(background);
    }

    private static JsonPath importAs(com.onyxos.common.testing.TestUser user) {
        JsonPath answer = user.request()
                .post("/api/creators/import")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return answer;
    }

    @Test
    void aConnectedAgencyGetsItsCreatorsAndVaultSyncFindsThem() {
        StatsWorld world = StatsWorld.connected(3);

        importAs(TestUsers.AGENCY_MEMBER)
                .getMap("$")
                .forEach((key, value) -> assertThat(value).as(key.toString()).isNotNull());
        StatsWorld.awaitQuiet(background);

        List<Map<String, Object>> vaultSees = StatsDb.rows(VAULT_ACTIVE_CREATORS, world.tenants.agencyA());
        assertThat(vaultSees)
                .extracting(row -> row.get("fanvue_user_uuid").toString())
                .containsExactlyInAnyOrderElementsOf(world.creatorUuids);
        List<String> handles = world.world.getList("agencies[0].creators.handle");
        assertThat(vaultSees)
                .extracting(row -> (String) row.get("handle"))
                .containsExactlyInAnyOrderElementsOf(handles);
        assertThat(StatsDb.rows(VAULT_ACTIVE_CREATORS, world.tenants.agencyB())).isEmpty();
        assertThat(StatsDb.count("select count(*) from models where subscribers_count is null"))
                .isZero();
    }

    @Test
    void aSecondImportWritesNoRow() {
        StatsWorld world = StatsWorld.connected(3);
        JsonPath first = importAs(TestUsers.AGENCY_ADMIN);
        StatsWorld.awaitQuiet(background);
        String lastWrite = StatsDb.rows("select max(updated_at)::text as at from models")
                .get(0)
                .get("at")
                .toString();

        JsonPath second = importAs(TestUsers.AGENCY_ADMIN);

        assertThat(first.getInt("inserted")).isEqualTo(3);
        assertThat(second.getInt("listed")).isEqualTo(3);
        assertThat(second.getInt("inserted")).isZero();
        assertThat(second.getInt("updated")).isZero();
        assertThat(second.getString("status")).isEqualTo("succeeded");
        assertThat(StatsDb.rows("select max(updated_at)::text as at from models")
                        .get(0)
                        .get("at")
                        .toString())
                .isEqualTo(lastWrite);
        assertThat(StatsDb.count("select count(*) from models where agency_id = ?", world.tenants.agencyA()))
                .isEqualTo(3);
    }

    @Test
    void aCreatorWhoLeftTheAgencyIsKeptWithItsFiguresAndMarked() {
        StatsWorld world = StatsWorld.connected(3);
        UUID gone = (UUID) StatsDb.rows(
                        "insert into models (agency_id, fanvue_user_uuid, handle, status, subscribers_count,"
                                + " subscribers_refreshed_at) values (?, ?, 'gone', 'paused', 321, now()) returning id",
                        world.tenants.agencyA(),
                        UUID.randomUUID())
                .get(0)
                .get("id");

        JsonPath answer = importAs(TestUsers.AGENCY_ADMIN);

        assertThat(answer.getInt("unlisted")).isEqualTo(1);
        Map<String, Object> row = StatsDb.creator(gone);
        assertThat(row.get("status")).isEqualTo("paused");
        assertThat(row.get("subscribers_count")).isEqualTo(321);
        assertThat(row.get("not_listed_since")).isNotNull();
        TestUsers.AGENCY_MEMBER
                .request()
                .get("/api/creators/" + gone)
                .then()
                .statusCode(200)
                .body("listed", equalTo(false))
                .body("stats.subscribers.value", equalTo(321));
        assertThat(importAs(TestUsers.AGENCY_ADMIN).getInt("unlisted"))
                .as("marked once")
                .isZero();
        assertThat(StatsDb.count("select count(*) from models where not_listed_since is not null"))
                .isEqualTo(1);
    }

    @Test
    void anImportThatCouldNotListEveryoneMarksNobody() {
        StatsWorld world = StatsWorld.connected(3);
        StatsDb.update(
                "insert into models (agency_id, fanvue_user_uuid, handle) values (?, ?, 'elsewhere')",
                world.tenants.agencyA(),
                UUID.randomUUID());
        SimulatorAdmin.addFault(Map.of("path", "/creators", "kind", "error", "status", 500));
        try {
            JsonPath answer = importAs(TestUsers.AGENCY_ADMIN);

            assertThat(answer.getString("status")).isEqualTo("partial");
            assertThat(answer.getInt("unlisted")).isZero();
            assertThat(answer.getList("errors").toString()).contains("GET /creators");
        } finally {
            SimulatorAdmin.clearFaults();
        }
        assertThat(StatsDb.count("select count(*) from models where not_listed_since is not null"))
                .isZero();
    }

    @Test
    void theConnectedUserWhoIsACreatorIsImportedAndReadThroughSelfPaths() {
        TestDatabase.truncateAll();
        TestTenants.Tenants tenants = TestTenants.seed();
        JsonPath world = SimulatorAdmin.reset(2, 3);
        String creator = world.getString("agencies[0].creators[0].uuid");
        StatsDb.connection(tenants.agencyA(), "agency", creator, null, "active");
        TokenBrokerStub.handOut(SimulatorAdmin.issueToken(creator), creator);

        JsonPath answer = importAs(TestUsers.AGENCY_ADMIN);
        StatsWorld.awaitQuiet(background);

        assertThat(answer.getInt("inserted")).isEqualTo(1);
        Map<String, Object> row = StatsDb.rows("select * from models").get(0);
        assertThat(row.get("fanvue_user_uuid").toString()).isEqualTo(creator);
        assertThat(row.get("seen_via")).isEqualTo("self");
        assertThat(row.get("handle")).isEqualTo(world.getString("agencies[0].creators[0].handle"));
        assertThat(row.get("unread_chats_count")).isNotNull();
        assertThat(row.get("likes_count")).isNotNull();
        assertThat(SimulatorAdmin.journal(Map.of("route", "/chats/unread"))).hasSize(1);
        assertThat(SimulatorAdmin.journal(Map.of("path", "/creators/" + creator + "/**")))
                .isEmpty();
    }

    @Test
    void aCreatorReachableOnlyThroughTheirPersonalConnectionIsImported() {
        TestDatabase.truncateAll();
        TestTenants.Tenants tenants = TestTenants.seed();
        JsonPath world = SimulatorAdmin.reset(2, 3);
        String creator = world.getString("agencies[1].creators[2].uuid");
        String handle = world.getString("agencies[1].creators[2].handle");
        StatsDb.connection(tenants.agencyA(), "personal", creator, "old-" + handle, "active");
        TokenBrokerStub.personalOnly(SimulatorAdmin.issueToken(creator), creator);

        JsonPath answer = importAs(TestUsers.AGENCY_ADMIN);
        StatsWorld.awaitQuiet(background);

        assertThat(answer.getInt("inserted")).isEqualTo(1);
        assertThat(answer.getString("status")).isEqualTo("succeeded");
        Map<String, Object> row = StatsDb.rows("select * from models").get(0);
        assertThat(row.get("seen_via")).isEqualTo("personal");
        assertThat(row.get("handle")).as("the creator's own /users/me names it").isEqualTo(handle);
        assertThat(row.get("revenue_total")).isNotNull();
        assertThat(row.get("unread_messages_count")).isNotNull();
        assertThat(importAs(TestUsers.AGENCY_ADMIN).getInt("updated"))
                .as("the import keeps the profile")
                .isZero();
    }

    @Test
    void aPersonallyConnectedCreatorBesideTheAgencyConnectionIsReadWithItsOwnToken() {
        StatsWorld world = StatsWorld.connected(3);
        String creator = world.world.getString("agencies[1].creators[0].uuid");
        StatsDb.connection(world.tenants.agencyA(), "personal", creator, "someone", "active");
        TokenBrokerStub.agencyAndPersonal(
                world.adminToken, world.adminUuid, SimulatorAdmin.issueToken(creator), creator);

        JsonPath answer = importAs(TestUsers.AGENCY_ADMIN);
        StatsWorld.awaitQuiet(background);

        assertThat(answer.getInt("inserted")).isEqualTo(4);
        Map<String, Object> row = StatsDb.rows(
                        "select * from models where fanvue_user_uuid = ?", UUID.fromString(creator))
                .get(0);
        assertThat(row.get("seen_via")).isEqualTo("personal");
        assertThat(row.get("subscribers_count")).isNotNull();
        assertThat(row.get("handle")).isEqualTo(world.world.getString("agencies[1].creators[0].handle"));
        assertThat(TokenBrokerStub.requestsContaining("\"source\":\"personal\""))
                .isEqualTo(1);
        assertThat(SimulatorAdmin.journal(Map.of("path", "/creators/" + creator + "/**")))
                .isEmpty();
        assertThat(StatsDb.count("select count(*) from models where seen_via = 'agency' and subscribers_count is null"))
                .isZero();
    }

    @Test
    void aNewConnectionIsNoticedAndItsCreatorsImported() {
        StatsWorld world = StatsWorld.connected(3);

        List<?> first = jobs.importNewConnections().await().indefinitely();
        StatsWorld.awaitQuiet(background);
        List<?> again = jobs.importNewConnections().await().indefinitely();

        assertThat(first).hasSize(1);
        assertThat(again).as("nothing new since that import").isEmpty();
        assertThat(StatsDb.count("select count(*) from models where agency_id = ?", world.tenants.agencyA()))
                .isEqualTo(3);

        StatsDb.update("update agency_fanvue_connections set status = 'revoked'");
        StatsDb.connection(world.tenants.agencyA(), "agency", world.adminUuid, "agency-admin", "active");
        assertThat(jobs.importNewConnections().await().indefinitely())
                .as("a renewed connection")
                .hasSize(1);
    }
}
