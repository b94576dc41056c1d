package com.onyxos.stats.testing;

import com.onyxos.common.testing.SimulatorAdmin;
import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.stats.service.BackgroundRefresh;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One test's world against the simulator: agencies A and B in the database, agency A connected to the simulator's
 * first agency (a connection row as auth-service keeps it, and the broker handing out its admin's token).
 */
public final class StatsWorld {

    public final TestTenants.Tenants tenants;
    public final String adminUuid;
    public final String adminToken;
    public final List<String> creatorUuids = new ArrayList<>();
    public final JsonPath world;

    private StatsWorld(TestTenants.Tenants tenants, JsonPath world) {
        this.tenants = tenants;
        this.world = world;
        this.adminUuid = world.getString("agencies[0].admin.uuid");
        this.adminToken = SimulatorAdmin.issueToken(adminUuid);
        for (Map<String, Object> creator : world.<Map<String, Object>>getList("agencies[0].creators")) {
            creatorUuids.add((String) creator.get("uuid"));
        }
    }

    /** Agency A connected to the simulator's first agency of a world with {@code creators} creators per agency. */
    public static StatsWorld connected(int creators) {
        return connected(Map.of("agencies", 2, "creatorsPerAgency", creators));
    }

    /** The same with the simulator's world reset with {@code overrides} (agencies, creatorsPerAgency, ...). */
    public static StatsWorld connected(Map<String, ?> overrides) {
        TestDatabase.truncateAll();
        TestTenants.Tenants tenants = TestTenants.seed();
        StatsWorld world = new StatsWorld(tenants, SimulatorAdmin.reset(overrides));
        StatsDb.connection(tenants.agencyA(), "agency", world.adminUuid, "agency-admin", "active");
        TokenBrokerStub.handOut(world.adminToken, world.adminUuid);
        return world;
    }

    /** Imports agency A's creators through the API and waits for their first refresh; answers their ids. */
    public List<UUID> importCreators(BackgroundRefresh background) {
        TestUsers.AGENCY_ADMIN.request().post("/api/creators/import").then().statusCode(200);
        awaitQuiet(background);
        List<UUID> ids = new ArrayList<>();
        for (String uuid : creatorUuids) {
            ids.add(creatorId(uuid));
        }
        return ids;
    }

    /** The id of agency A's creator of this Fanvue user. */
    public UUID creatorId(String fanvueUuid) {
        return (UUID) StatsDb.rows(
                        "select id from models where agency_id = ? and fanvue_user_uuid = ?",
                        tenants.agencyA(),
                        UUID.fromString(fanvueUuid))
                .get(0)
                .get("id");
    }

    /** Waits until no refresh runs or waits in the application. */
    public static void awaitQuiet(BackgroundRefresh background) {
        Eventually.until(Duration.ofSeconds(30), background::idle);
    }
}
