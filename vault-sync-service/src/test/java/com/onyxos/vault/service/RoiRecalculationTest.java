package com.onyxos.vault.service;

import static com.onyxos.vault.VaultFixtures.as;
import static com.onyxos.vault.VaultFixtures.asset;
import static com.onyxos.vault.VaultFixtures.event;
import static com.onyxos.vault.VaultFixtures.performanceOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.vault.VaultFixtures;
import com.onyxos.vault.VaultFixtures.Stored;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recalculation re-derives every number from the events, exactly, in scope only, and is idempotent. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class RoiRecalculationTest {

    @Inject
    RoiService roi;

    private UUID agency;
    private UUID otherAgency;
    private UUID alice;
    private UUID bella;
    private UUID mixed;
    private UUID neverUnlocked;
    private UUID moreUnlocksThanSends;
    private UUID withoutEvents;
    private UUID removed;
    private UUID stale;
    private UUID bellasAsset;
    private UUID otherAgencyAsset;

    @BeforeEach
    void seed() {
        TestDatabase.truncateAll();
        TestTenants.Tenants tenants = TestTenants.seed();
        agency = tenants.agencyA();
        otherAgency = tenants.agencyB();
        alice = TestTenants.creator(agency, UUID.randomUUID(), "alice");
        bella = TestTenants.creator(agency, UUID.randomUUID(), "bella");
        mixed = asset(agency, alice, "mixed").insert();
        events(mixed, "sent", "dashboard", 3, 0);
        events(mixed, "sent", "fanvue", 2, 0);
        event(agency, mixed, "unlocked", "dashboard", "u-1", 500);
        event(agency, mixed, "unlocked", "fanvue", "u-2", 250);
        neverUnlocked = asset(agency, alice, "never-unlocked").insert();
        events(neverUnlocked, "sent", "dashboard", 3, 0);
        moreUnlocksThanSends = asset(agency, alice, "more-unlocks").insert();
        event(agency, moreUnlocksThanSends, "sent", "fanvue", "s-1", 0);
        event(agency, moreUnlocksThanSends, "unlocked", "fanvue", "u-1", 100);
        event(agency, moreUnlocksThanSends, "unlocked", "fanvue", "u-2", 0);
        withoutEvents = asset(agency, alice, "without-events").insert();
        removed = asset(agency, alice, "removed").removed().insert();
        events(removed, "sent", "dashboard", 2, 0);
        event(agency, removed, "unlocked", "dashboard", "u-1", 900);
        stale = asset(agency, alice, "stale").insert();
        VaultFixtures.performance(agency, stale, 9, 9, 9, "1");
        bellasAsset = asset(agency, bella, "bellas").insert();
        events(bellasAsset, "sent", "fanvue", 4, 0);
        event(agency, bellasAsset, "unlocked", "fanvue", "u-1", 1000);
        UUID zoe = TestTenants.creator(otherAgency, UUID.randomUUID(), "zoe");
        otherAgencyAsset = asset(otherAgency, zoe, "theirs").insert();
        event(otherAgency, otherAgencyAsset, "sent", "fanvue", "s-1", 0);
    }

    @Test
    void oneCreatorsRecalculationEqualsTheHandComputedNumbers() {
        assertThat(recalculate(alice)).isEqualTo(5); // four new rows, one corrected
        assertThat(performanceOf(mixed)).isEqualTo(stored(5, 2, 750, "0.400000"));
        assertThat(performanceOf(neverUnlocked)).isEqualTo(stored(3, 0, 0, "0.000000"));
        assertThat(performanceOf(moreUnlocksThanSends)).isEqualTo(stored(1, 2, 100, "1.000000"));
        assertThat(performanceOf(removed)).isEqualTo(stored(2, 1, 900, "0.500000"));
        assertThat(performanceOf(stale)).isEqualTo(stored(0, 0, 0, "0.000000"));
        assertThat(performanceOf(withoutEvents)).isNull();
        assertThat(performanceOf(bellasAsset))
                .as("another creator is out of scope")
                .isNull();
        assertThat(performanceOf(otherAgencyAsset)).isNull();
    }

    @Test
    void aSecondRunChangesNothing() {
        assertThat(recalculate(null)).isEqualTo(6);
        assertThat(performanceOf(bellasAsset)).isEqualTo(stored(4, 1, 1000, "0.250000"));
        assertThat(recalculate(null)).isZero();
        assertThat(recalculate(alice)).isZero();
        assertThat(performanceOf(otherAgencyAsset)).isNull();
    }

    @Test
    void newEventsFromSyncAreTakenUpByTheNextRun() {
        recalculate(null);
        event(agency, neverUnlocked, "unlocked", "fanvue", "u-9", 4200);
        assertThat(recalculate(alice)).isEqualTo(1);
        assertThat(performanceOf(neverUnlocked)).isEqualTo(stored(3, 1, 4200, "0.333333"));
    }

    @Test
    void theEndpointRecalculatesTheAgencyOrOneCreator() {
        as(TestUsers.AGENCY_MEMBER)
                .contentType(ContentType.JSON)
                .body(Map.of("modelId", bella.toString(), "fromFanvue", false))
                .post("/api/vault/roi/calculate")
                .then()
                .statusCode(200)
                .body("rowsChanged", equalTo(1));
        as(TestUsers.AGENCY_MEMBER)
                .contentType(ContentType.JSON)
                .body("{\"fromFanvue\":false}")
                .post("/api/vault/roi/calculate")
                .then()
                .statusCode(200)
                .body("rowsChanged", equalTo(5));
        as(TestUsers.AGENCY_ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"fromFanvue\":false}")
                .post("/api/vault/roi/calculate")
                .then()
                .statusCode(200)
                .body("rowsChanged", equalTo(0));
    }

    @Test
    void theEndpointAnswers404ForAnotherAgencysCreatorAnd400ForABadId() {
        as(TestUsers.OTHER_AGENCY_USER)
                .contentType(ContentType.JSON)
                .body(Map.of("modelId", alice.toString()))
                .post("/api/vault/roi/calculate")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("creator_not_found"));
        as(TestUsers.AGENCY_MEMBER)
                .contentType(ContentType.JSON)
                .body(Map.of("modelId", "not-a-uuid"))
                .post("/api/vault/roi/calculate")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertThat(performanceOf(mixed)).isNull();
    }

    @Test
    void anEventReportedThroughTheApiAgreesWithARecalculation() {
        recalculate(null);
        as(TestUsers.AGENCY_MEMBER)
                .contentType(ContentType.JSON)
                .body(Map.of("type", "unlocked", "messageUuid", "u-new", "revenue", 50))
                .post("/api/vault/assets/" + mixed + "/events")
                .then()
                .statusCode(201);
        Stored afterEvent = performanceOf(mixed);
        assertThat(afterEvent).isEqualTo(stored(5, 3, 800, "0.600000"));
        assertThat(recalculate(null)).isZero();
    }

    private int recalculate(UUID modelId) {
        return roi.recalculate(agency, modelId).await().indefinitely();
    }

    private void events(UUID assetId, String type, String source, int count, long revenue) {
        for (int i = 0; i < count; i++) {
            event(agency, assetId, type, source, source + "-" + type + "-" + i, revenue);
        }
    }

    private static Stored stored(long sent, long unlocked, long revenue, String conversion) {
        return new Stored(sent, unlocked, revenue, new BigDecimal(conversion));
    }
}
