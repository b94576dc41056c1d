package com.onyxos.vault.rest;

import static com.onyxos.vault.VaultFixtures.as;
import static com.onyxos.vault.VaultFixtures.asset;
import static com.onyxos.vault.VaultFixtures.performance;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Best sellers and folder performance: filters, ordering and exact numbers over active assets. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class RoiReportTest {

    private UUID bella;
    private String b1;
    private String b2;
    private String b3;
    private String p1;
    private String p2;
    private String c1;

    @BeforeEach
    void seed() {
        TestDatabase.truncateAll();
        TestTenants.Tenants tenants = TestTenants.seed();
        UUID agency = tenants.agencyA();
        UUID alice = TestTenants.creator(agency, UUID.randomUUID(), "alice");
        bella = TestTenants.creator(agency, UUID.randomUUID(), "bella");
        b1 = seed(agency, alice, "Beach", false, 10, 5, 5000, "0.5");
        b2 = seed(agency, alice, "Beach", false, 6, 1, 800, "0.166667");
        b3 = asset(agency, alice, "b3").folders("Beach").insert().toString();
        seed(agency, alice, "Beach", true, 20, 20, 99999, "1");
        p1 = seed(agency, alice, "Promo", false, 4, 4, 9000, "1");
        p2 = seed(agency, alice, "Promo", false, 5, 2, 5000, "0.4");
        c1 = seed(agency, bella, "Beach", false, 7, 7, 100, "1");
        UUID zoe = TestTenants.creator(tenants.agencyB(), UUID.randomUUID(), "zoe");
        seed(tenants.agencyB(), zoe, "Beach", false, 50, 50, 1_000_000, "1");
    }

    @Test
    void bestSellersByRevenueNeedFiveSendsAndBreakTiesByConversion() {
        bestSellers(Map.of()).body("items.id", contains(b1, p2, b2, c1));
    }

    @Test
    void bestSellersByConversion() {
        bestSellers(Map.of("by", "conversion")).body("items.id", contains(c1, b1, p2, b2));
    }

    @Test
    void minSendsIsRespected() {
        bestSellers(Map.of("minSends", "7")).body("items.id", contains(b1, c1));
        bestSellers(Map.of("minSends", "0")).body("items.id", contains(p1, b1, p2, b2, c1, b3));
        bestSellers(Map.of("minSends", "1000")).body("items", empty());
    }

    @Test
    void bestSellersHonourLimitAndCreator() {
        bestSellers(Map.of("limit", "2")).body("items.id", contains(b1, p2));
        bestSellers(Map.of("modelId", bella.toString())).body("items.id", contains(c1));
    }

    @Test
    void bestSellerItemsCarryTheirNumbers() {
        bestSellers(Map.of("limit", "1"))
                .body("items[0].performance.timesSent", equalTo(10))
                .body("items[0].performance.timesUnlocked", equalTo(5))
                .body("items[0].performance.totalRevenue", equalTo(5000))
                .body("items[0].performance.conversionRate", comparesEqualTo(new BigDecimal("0.5")));
    }

    @Test
    void badBestSellerParametersAre400() {
        for (Map<String, String> bad : List.of(
                Map.of("by", "created"),
                Map.of("by", "price"),
                Map.of("minSends", "-1"),
                Map.of("minSends", "many"),
                Map.of("limit", "0"),
                Map.of("limit", "101"),
                Map.of("modelId", "nope"))) {
            as(TestUsers.AGENCY_MEMBER)
                    .queryParams(bad)
                    .get("/api/vault/roi/best-sellers")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void folderNumbersAreExactAndLeaveRemovedAssetsOut() {
        folders(Map.of())
                .body("items", hasSize(2))
                .body("items.folder", contains("Promo", "Beach"))
                .body("items[0].assetCount", equalTo(2))
                .body("items[0].averageConversion", comparesEqualTo(new BigDecimal("0.7")))
                .body("items[0].totalRevenue", equalTo(14000))
                .body("items[0].timesSent", equalTo(9))
                .body("items[0].timesUnlocked", equalTo(6))
                // Beach: b1, b2, b3 (never sent: 0) and bella's c1; the removed asset's 99,999 is not counted.
                .body("items[1].assetCount", equalTo(4))
                .body("items[1].averageConversion", comparesEqualTo(new BigDecimal("0.416667")))
                .body("items[1].totalRevenue", equalTo(5900))
                .body("items[1].timesSent", equalTo(23))
                .body("items[1].timesUnlocked", equalTo(13));
    }

    @Test
    void foldersOfOneCreator() {
        folders(Map.of("modelId", bella.toString()))
                .body("items", hasSize(1))
                .body("items[0].folder", equalTo("Beach"))
                .body("items[0].assetCount", equalTo(1))
                .body("items[0].averageConversion", comparesEqualTo(BigDecimal.ONE))
                .body("items[0].totalRevenue", equalTo(100));
    }

    @Test
    void anotherAgencySeesOnlyItsOwnFolders() {
        as(TestUsers.OTHER_AGENCY_USER)
                .get("/api/vault/roi/folders")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].totalRevenue", equalTo(1_000_000));
        as(TestUsers.OTHER_AGENCY_USER)
                .get("/api/vault/roi/best-sellers")
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
    }

    private static String seed(
            UUID agency,
            UUID model,
            String folder,
            boolean removed,
            long sent,
            long unlocked,
            long revenue,
            String rate) {
        var asset = asset(agency, model, folder + "-" + revenue).folders(folder);
        UUID id = (removed ? asset.removed() : asset).insert();
        performance(agency, id, sent, unlocked, revenue, rate);
        return id.toString();
    }

    private static ValidatableResponse bestSellers(Map<String, String> query) {
        return as(TestUsers.AGENCY_MEMBER)
                .queryParams(query)
                .get("/api/vault/roi/best-sellers")
                .then()
                .statusCode(200);
    }

    private static ValidatableResponse folders(Map<String, String> query) {
        return as(TestUsers.AGENCY_MEMBER)
                .queryParams(query)
                .get("/api/vault/roi/folders")
                .then()
                .statusCode(200);
    }
}
