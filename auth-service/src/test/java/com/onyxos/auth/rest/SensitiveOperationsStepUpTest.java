package com.onyxos.auth.rest;

import static org.hamcrest.Matchers.equalTo;

import com.onyxos.auth.testing.MfaClient;
import com.onyxos.auth.testing.MutableClock;
import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.SimulatorAdmin;
import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TestUsers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An admin with a verified second factor must have stepped up in the current session before connecting Fanvue,
 * disconnecting or changing members; another session of the same user has not.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
class SensitiveOperationsStepUpTest {

    private static final Map<String, Object> OTHER_SESSION = Map.of("sid", "a-session-without-step-up");

    @Inject
    MutableClock clock;

    @BeforeEach
    void seed() {
        TestDatabase.truncateAll();
        TestTenants.seed();
        SimulatorAdmin.reset();
        // Verifying the factor steps up the admin's default test session.
        new MfaClient(TestUsers.AGENCY_ADMIN, clock).enrollVerified();
    }

    @Test
    void connectingNeedsStepUpInThisSession() {
        TestUsers.AGENCY_ADMIN
                .request(OTHER_SESSION)
                .get("/api/fanvue/connect")
                .then()
                .statusCode(403)
                .body("code", equalTo("mfa_step_up_required"));
        TestUsers.AGENCY_ADMIN.request().get("/api/fanvue/connect").then().statusCode(200);
    }

    @Test
    void changingMembersNeedsStepUpInThisSession() {
        TestUsers.AGENCY_ADMIN
                .request(OTHER_SESSION)
                .contentType(ContentType.JSON)
                .body(Map.of("userSub", "test|someone", "role", "member"))
                .post("/api/agency/members")
                .then()
                .statusCode(403)
                .body("code", equalTo("mfa_step_up_required"));
    }

    @Test
    void disconnectingNeedsStepUpInThisSession() {
        String id = FanvueConnectFlow.connect(TestUsers.AGENCY_ADMIN, "agency", null);

        TestUsers.AGENCY_ADMIN
                .request(OTHER_SESSION)
                .delete("/api/fanvue/connections/" + id)
                .then()
                .statusCode(403);
        TestUsers.AGENCY_ADMIN
                .request()
                .delete("/api/fanvue/connections/" + id)
                .then()
                .statusCode(204);
    }

    @Test
    void meTellsWhetherThisSessionHasSteppedUp() {
        TestUsers.AGENCY_ADMIN
                .request()
                .get("/api/me")
                .then()
                .body("mfa.enrolled", equalTo(true))
                .body("mfa.stepUpSatisfied", equalTo(true));
        TestUsers.AGENCY_ADMIN
                .request(OTHER_SESSION)
                .get("/api/me")
                .then()
                .body("mfa.enrolled", equalTo(true))
                .body("mfa.stepUpSatisfied", equalTo(false));
    }
}
