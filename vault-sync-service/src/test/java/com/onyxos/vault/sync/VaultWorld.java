package com.onyxos.vault.sync;

import static io.restassured.RestAssured.given;

import com.onyxos.common.testing.SimulatorAdmin;
import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TokenBrokerStub;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One test's world: agencies A and B in the database, the simulator's first agency's creators as agency A's
 * creators, and the broker handing out the simulator agency admin's token.
 */
final class VaultWorld {

    final TestTenants.Tenants tenants;
    final String adminUuid;
    final List<String> creatorUuids = new ArrayList<>();
    final List<UUID> creatorIds = new ArrayList<>();

    private VaultWorld(TestTenants.Tenants tenants, String adminUuid) {
        this.tenants = tenants;
        this.adminUuid = adminUuid;
    }

    static VaultWorld create() {
        TestDatabase.truncateAll();
        TestTenants.Tenants tenants = TestTenants.seed();
        JsonPath world = SimulatorAdmin.reset();
        VaultWorld vault = new VaultWorld(tenants, world.getString("agencies[0].admin.uuid"));
        for (Map<String, Object> creator : world.<Map<String, Object>>getList("agencies[0].creators")) {
            String uuid = (String) creator.get("uuid");
            vault.creatorUuids.add(uuid);
            vault.creatorIds.add(
                    TestTenants.creator(tenants.agencyA(), UUID.fromString(uuid), (String) creator.get("handle")));
        }
        TokenBrokerStub.handOut(SimulatorAdmin.issueToken(vault.adminUuid), vault.adminUuid);
        return vault;
    }

    /** Runs a mutation of the simulator's admin API for a creator (path after {@code /creators/{c}}). */
    static void mutate(String method, String creatorUuid, String path, Object body) {
        var request = given().baseUri(SimulatorAdmin.baseUrl()).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        request.request(method, "/_simulator/creators/" + creatorUuid + path)
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
    }

    static long count(String sql) {
        try (Connection db = TestDatabase.get().connect();
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String sql) {
        return TestDatabase.text(sql);
    }

    static void execute(String sql) {
        TestDatabase.execute(sql);
    }
}
