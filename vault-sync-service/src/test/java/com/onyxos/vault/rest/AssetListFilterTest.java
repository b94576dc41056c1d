package com.onyxos.vault.rest;

import static com.onyxos.vault.VaultFixtures.as;
import static com.onyxos.vault.VaultFixtures.asset;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each filter of the asset listing narrows to exactly the matching assets of the caller's agency. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class AssetListFilterTest {

    private UUID alice;
    private UUID bella;

    @BeforeEach
    void seed() {
        TestDatabase.truncateAll();
        TestTenants.Tenants tenants = TestTenants.seed();
        UUID agency = tenants.agencyA();
        alice = TestTenants.creator(agency, UUID.randomUUID(), "alice");
        bella = TestTenants.creator(agency, UUID.randomUUID(), "bella");
        asset(agency, alice, "beach-1.jpg").folders("Beach", "Summer").insert();
        asset(agency, alice, "beach-2.mp4")
                .folders("Beach")
                .mediaType("video")
                .contentType("teaser")
                .insert();
        asset(agency, alice, "50%_off.jpg").folders("Promo").userTags("sale").insert();
        asset(agency, bella, "500 off.jpg").folders("Summer").insert();
        asset(agency, bella, "gym.mp4")
                .folders("Gym")
                .mediaType("video")
                .removed()
                .insert();
        UUID other = TestTenants.creator(tenants.agencyB(), UUID.randomUUID(), "zoe");
        asset(tenants.agencyB(), other, "beach-other.jpg").folders("Beach").insert();
    }

    @Test
    void withoutFiltersListsTheAgencysActiveAssets() {
        assertNames(Map.of(), "beach-1.jpg", "beach-2.mp4", "50%_off.jpg", "500 off.jpg");
    }

    @Test
    void creatorFilterNarrowsToThatCreator() {
        assertNames(Map.of("modelId", bella.toString()), "500 off.jpg");
    }

    @Test
    void folderFilterMatchesAnyFolderTheAssetIsIn() {
        assertNames(Map.of("folder", "Summer"), "beach-1.jpg", "500 off.jpg");
        assertNames(Map.of("folder", "Beach"), "beach-1.jpg", "beach-2.mp4");
    }

    @Test
    void mediaTypeAndContentTypeFiltersAreExact() {
        assertNames(Map.of("mediaType", "video"), "beach-2.mp4");
        assertNames(Map.of("contentType", "teaser"), "beach-2.mp4");
        assertNames(Map.of("contentType", "ppv", "mediaType", "image"), "beach-1.jpg", "50%_off.jpg", "500 off.jpg");
    }

    @Test
    void tagFilterMatchesSyncTagsAndUserTags() {
        assertNames(Map.of("tag", "Promo"), "50%_off.jpg");
        assertNames(Map.of("tag", "sale"), "50%_off.jpg");
        assertNames(Map.of("tag", "SALE"), "50%_off.jpg");
        assertNames(Map.of("tag", "fanvue-vault"), "beach-1.jpg", "beach-2.mp4", "50%_off.jpg", "500 off.jpg");
    }

    @Test
    void textSearchIsCaseInsensitiveAndTakesWildcardsLiterally() {
        assertNames(Map.of("q", "BEACH"), "beach-1.jpg", "beach-2.mp4");
        assertNames(Map.of("q", "50%_"), "50%_off.jpg");
        assertNames(Map.of("q", "_"), "50%_off.jpg");
        assertNames(Map.of("q", "%"), "50%_off.jpg");
    }

    @Test
    void statusFilterDefaultsToActive() {
        assertNames(Map.of("status", "removed"), "gym.mp4");
        assertNames(Map.of("status", "all", "modelId", bella.toString()), "500 off.jpg", "gym.mp4");
    }

    @Test
    void filtersCombine() {
        assertNames(Map.of("folder", "Beach", "mediaType", "image", "q", "beach"), "beach-1.jpg");
        assertNames(Map.of("folder", "Gym", "status", "active"));
    }

    @Test
    void anotherAgencysMemberSeesNoneOfTheseAssets() {
        as(TestUsers.OTHER_AGENCY_USER)
                .queryParam("folder", "Beach")
                .get("/api/vault/assets")
                .then()
                .statusCode(200)
                .body("items.fileName", containsInAnyOrder("beach-other.jpg"));
        as(TestUsers.OTHER_AGENCY_USER)
                .queryParam("modelId", alice.toString())
                .get("/api/vault/assets")
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void itemsCarryBothTagSetsAndRoiNumbers() {
        as(TestUsers.AGENCY_MEMBER)
                .queryParam("q", "50%")
                .get("/api/vault/assets")
                .then()
                .statusCode(200)
                .body("items[0].tags", containsInAnyOrder("Promo", "fanvue-vault"))
                .body("items[0].userTags", containsInAnyOrder("sale"))
                .body("items[0].folders", containsInAnyOrder("Promo"))
                .body("items[0].modelId", equalTo(alice.toString()))
                .body("items[0].performance.timesSent", equalTo(0))
                .body("items[0].performance.totalRevenue", equalTo(0));
    }

    private static void assertNames(Map<String, String> query, String... names) {
        var request = as(TestUsers.AGENCY_MEMBER)
                .queryParams(query)
                .get("/api/vault/assets")
                .then()
                .statusCode(200);
        if (names.length == 0) {
            request.body("items", empty());
        } else {
            request.body("items.fileName", containsInAnyOrder(names));
        }
    }
}
