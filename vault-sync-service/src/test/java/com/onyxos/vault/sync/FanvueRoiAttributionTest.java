package com.onyxos.vault.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.SimulatorAdmin;
import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ROI attributed from Fanvue's messages equals the simulator's ground truth, and re-attributing adds nothing. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class FanvueRoiAttributionTest {

    private VaultWorld world;

    @BeforeEach
    void world() {
        world = VaultWorld.create();
    }

    private io.restassured.response.Response calculate(UUID creator) {
        return TestUsers.AGENCY_MEMBER
                .request()
                .contentType(ContentType.JSON)
                .body(Map.of("modelId", creator.toString()))
                .post("/api/vault/roi/calculate");
    }

    @Test
    void roiFromFanvueMessagesEqualsTheGroundTruth() throws SQLException {
        UUID creator = world.creatorIds.get(0);
        TestUsers.AGENCY_MEMBER
                .request()
                .contentType(ContentType.JSON)
                .body(Map.of("modelId", creator.toString()))
                .post("/api/vault/sync-fanvue")
                .then()
                .statusCode(200);

        calculate(creator)
                .then()
                .statusCode(200)
                .body("eventsRecorded", greaterThan(0))
                .body("rowsChanged", greaterThan(0));

        Map<String, Map<String, Object>> truth = given().baseUri(SimulatorAdmin.baseUrl())
                .get("/_simulator/creators/" + world.creatorUuids.get(0) + "/truth")
                .then()
                .statusCode(200)
                .extract()
                .path("media");
        Map<String, long[]> stored = performance(creator);
        assertThat(stored).isNotEmpty();
        int compared = 0;
        for (Map.Entry<String, long[]> asset : stored.entrySet()) {
            Map<String, Object> expected = truth.get(asset.getKey());
            assertThat(expected).as("truth of " + asset.getKey()).isNotNull();
            assertThat(asset.getValue()[0])
                    .as("sent " + asset.getKey())
                    .isEqualTo(((Number) expected.get("timesSent")).longValue());
            assertThat(asset.getValue()[1])
                    .as("unlocked " + asset.getKey())
                    .isEqualTo(((Number) expected.get("timesUnlocked")).longValue());
            assertThat(asset.getValue()[2])
                    .as("revenue " + asset.getKey())
                    .isEqualTo(Math.max(0, ((Number) expected.get("revenue")).longValue()));
            compared++;
        }
        assertThat(compared).isPositive();

        calculate(creator)
                .then()
                .statusCode(200)
                .body("eventsRecorded", equalTo(0))
                .body("rowsChanged", equalTo(0));
    }

    @Test
    void aCreatorWithoutATokenIsReportedNotFailed() {
        TokenBrokerStub.notConnected();

        calculate(world.creatorIds.get(0))
                .then()
                .statusCode(200)
                .body("errors[0]", equalTo("No Fanvue access token for this model"));
    }

    /** Per media uuid: times sent, times unlocked, total revenue, for assets with a performance row. */
    private static Map<String, long[]> performance(UUID creator) throws SQLException {
        Map<String, long[]> rows = new HashMap<>();
        try (Connection db = TestDatabase.get().connect();
                Statement query = db.createStatement();
                ResultSet result = query.executeQuery("select a.fanvue_media_uuid, p.times_sent, p.times_unlocked,"
                        + " p.total_revenue from vault_performance p join content_assets a on a.id = p.asset_id"
                        + " where a.model_id = '" + creator + "'")) {
            while (result.next()) {
                rows.put(result.getString(1), new long[] {result.getLong(2), result.getLong(3), result.getLong(4)});
            }
        }
        return rows;
    }
}
