package com.onyxos.vault.rest;

import static com.onyxos.vault.VaultFixtures.as;
import static com.onyxos.vault.VaultFixtures.asset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.vault.VaultFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One asset: reading it, editing the user's fields, and never reaching another agency's asset. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class AssetDetailPatchTest {

    private UUID agency;
    private UUID assetId;
    private UUID otherAgencyAsset;

    @BeforeEach
    void seed() {
        TestDatabase.truncateAll();
        TestTenants.Tenants tenants = TestTenants.seed();
        agency = tenants.agencyA();
        UUID creator = TestTenants.creator(agency, UUID.randomUUID(), "alice");
        assetId = asset(agency, creator, "beach.jpg")
                .folders("Beach", "Summer")
                .userTags("keep")
                .insert();
        UUID other = TestTenants.creator(tenants.agencyB(), UUID.randomUUID(), "zoe");
        otherAgencyAsset = asset(tenants.agencyB(), other, "theirs.jpg").insert();
    }

    @Test
    void detailShowsTheAssetWithBothTagSetsAndRoi() {
        VaultFixtures.performance(agency, assetId, 8, 2, 1500, "0.25");
        as(TestUsers.AGENCY_MEMBER)
                .get("/api/vault/assets/" + assetId)
                .then()
                .statusCode(200)
                .body("id", equalTo(assetId.toString()))
                .body("fileName", equalTo("beach.jpg"))
                .body("folder", equalTo("Beach"))
                .body("folders", contains("Beach", "Summer"))
                .body("tags", contains("Beach", "Summer", "fanvue-vault"))
                .body("userTags", contains("keep"))
                .body("contentType", equalTo("ppv"))
                .body("status", equalTo("active"))
                .body("createdAt", equalTo("2025-01-01T00:00:00Z"))
                .body("performance.timesSent", equalTo(8))
                .body("performance.timesUnlocked", equalTo(2))
                .body("performance.totalRevenue", equalTo(1500))
                .body("performance.conversionRate", comparesEqualTo(new BigDecimal("0.25")));
    }

    @Test
    void anotherAgencysAssetAnswers404OnDetailAndPatch() {
        as(TestUsers.AGENCY_MEMBER)
                .get("/api/vault/assets/" + otherAgencyAsset)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("asset_not_found"));
        as(TestUsers.OTHER_AGENCY_USER)
                .contentType(ContentType.JSON)
                .body(Map.of("contentType", "free"))
                .patch("/api/vault/assets/" + assetId)
                .then()
                .statusCode(404)
                .body("code", equalTo("asset_not_found"));
        assertThat(VaultFixtures.count(
                        "select count(*) from content_assets where id = ? and content_type = 'ppv'", assetId))
                .isEqualTo(1);
    }

    @Test
    void anUnknownAssetAnswers404() {
        as(TestUsers.AGENCY_MEMBER)
                .get("/api/vault/assets/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", equalTo("asset_not_found"));
    }

    @Test
    void aMemberPatchesTagsWhichAreTrimmedLowerCasedAndDeduplicated() {
        patch(Map.of("tags", List.of("  Beach Day ", "VIP", "vip", "beach day", "new")))
                .then()
                .statusCode(200)
                .body("userTags", contains("beach day", "vip", "new"))
                .body("contentType", equalTo("ppv"))
                .body("tags", contains("Beach", "Summer", "fanvue-vault"));
        assertThat(VaultFixtures.textArray(assetId, "user_tags")).containsExactly("beach day", "vip", "new");
        assertThat(VaultFixtures.textArray(assetId, "tags")).containsExactly("Beach", "Summer", "fanvue-vault");
    }

    @Test
    void patchingContentTypeKeepsTheUsersTags() {
        patch(Map.of("contentType", " Teaser "))
                .then()
                .statusCode(200)
                .body("contentType", equalTo("teaser"))
                .body("userTags", contains("keep"));
    }

    @Test
    void patchingOnlyUserFieldsLeavesSyncColumnsAsTheyAre() {
        // Sync renamed the file and moved the folder after the asset was read: the edit must not undo that.
        VaultFixtures.update(
                "update content_assets set file_name = 'renamed.jpg', fanvue_folders = '{Moved}' where id = ?",
                assetId);
        patch(Map.of("contentType", "custom", "tags", List.of("a")))
                .then()
                .statusCode(200)
                .body("fileName", equalTo("renamed.jpg"))
                .body("folders", contains("Moved"));
    }

    @Test
    void anEmptyTagListClearsTheUsersTags() {
        patch(Map.of("tags", List.of())).then().statusCode(200).body("userTags", emptyIterable());
    }

    @Test
    void anEmptyPatchChangesNothing() {
        patch(Map.of())
                .then()
                .statusCode(200)
                .body("contentType", equalTo("ppv"))
                .body("userTags", contains("keep"));
    }

    @Test
    void fiftyTagsAreAcceptedAndFiftyOneRejected() {
        List<String> fifty = IntStream.range(0, 50).mapToObj(i -> "tag-" + i).toList();
        patch(Map.of("tags", fifty)).then().statusCode(200);
        List<String> fiftyOne = new ArrayList<>(fifty);
        fiftyOne.add("one-too-many");
        patch(Map.of("tags", fiftyOne)).then().statusCode(400).body("code", equalTo("invalid_input"));
        assertThat(VaultFixtures.textArray(assetId, "user_tags")).hasSize(50);
    }

    @Test
    void badTagsAreRejectedAndNothingIsWritten() {
        for (Object tags : List.of(List.of("   "), List.of("x".repeat(51)), List.of("tab\there"), List.of("ok", ""))) {
            patch(Map.of("tags", tags)).then().statusCode(400).contentType("application/problem+json");
        }
        assertThat(VaultFixtures.textArray(assetId, "user_tags")).containsExactly("keep");
    }

    @Test
    void aTagOfExactlyFiftyCharactersIsAccepted() {
        patch(Map.of("tags", List.of("x".repeat(50)))).then().statusCode(200);
    }

    @Test
    void badContentTypesAreRejected() {
        for (String type : List.of("", "PPV!", "with space", "x".repeat(33), "-lead")) {
            patch(Map.of("contentType", type)).then().statusCode(400).contentType("application/problem+json");
        }
        assertThat(VaultFixtures.count("select count(*) from content_assets where content_type = 'ppv'"))
                .isEqualTo(2);
    }

    @Test
    void malformedJsonIsA400() {
        as(TestUsers.AGENCY_MEMBER)
                .contentType(ContentType.JSON)
                .body("{\"contentType\": ")
                .patch("/api/vault/assets/" + assetId)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    private Response patch(Map<String, ?> body) {
        return as(TestUsers.AGENCY_MEMBER)
                .contentType(ContentType.JSON)
                .body(body)
                .patch("/api/vault/assets/" + assetId);
    }
}
