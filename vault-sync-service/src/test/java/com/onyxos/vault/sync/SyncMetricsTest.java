package com.onyxos.vault.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What ops read off /q/metrics about vault syncs: runs by how they ended, asset rows by what happened to them. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class SyncMetricsTest {

    private UUID creator;

    @BeforeEach
    void world() {
        creator = VaultWorld.create().creatorIds.get(0);
    }

    @Test
    void aSyncAndItsUnchangedResyncAreCountedWithTheirAssets() {
        double succeeded = metric("onyx_vault_sync_runs_total", "status", "succeeded");
        double inserted = metric("onyx_vault_sync_assets_total", "change", "inserted");
        double unchanged = metric("onyx_vault_sync_assets_total", "change", "unchanged");

        int synced = sync();
        int resynced = sync();

        assertThat(synced).isPositive().isEqualTo(resynced);
        assertThat(metric("onyx_vault_sync_runs_total", "status", "succeeded")).isEqualTo(succeeded + 2);
        assertThat(metric("onyx_vault_sync_assets_total", "change", "inserted")).isEqualTo(inserted + synced);
        assertThat(metric("onyx_vault_sync_assets_total", "change", "unchanged"))
                .isEqualTo(unchanged + synced);
    }

    @Test
    void aCreatorWithoutATokenCountsAFailedRun() {
        TokenBrokerStub.notConnected();
        double failed = metric("onyx_vault_sync_runs_total", "status", "failed");

        TestUsers.AGENCY_MEMBER
                .request()
                .contentType(ContentType.JSON)
                .body(Map.of("modelId", creator.toString()))
                .post("/api/vault/sync-fanvue");

        assertThat(metric("onyx_vault_sync_runs_total", "status", "failed")).isEqualTo(failed + 1);
    }

    private int sync() {
        return TestUsers.AGENCY_MEMBER
                .request()
                .contentType(ContentType.JSON)
                .body(Map.of("modelId", creator.toString()))
                .post("/api/vault/sync-fanvue")
                .then()
                .statusCode(200)
                .extract()
                .path("assetsSynced");
    }

    /** The value of a Prometheus series with the label, 0 before it exists. */
    private static double metric(String name, String label, String value) {
        String page = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return page.lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(label + "=\"" + value + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
