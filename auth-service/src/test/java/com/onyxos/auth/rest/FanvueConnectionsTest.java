package com.onyxos.auth.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.SimulatorAdmin;
import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TestUsers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Fanvue connect flow through the simulator: PKCE, single-use state, stored sealed, never shown. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
class FanvueConnectionsTest {

    private TestTenants.Tenants tenants;

    @BeforeEach
    void seed() {
        TestDatabase.truncateAll();
        tenants = TestTenants.seed();
        SimulatorAdmin.reset();
    }

    @Test
    void theAuthorizeUrlAsksForPkceS256AndOfflineAccess() {
        String url = FanvueConnectFlow.authorizeUrl(TestUsers.AGENCY_ADMIN, "agency");

        assertThat(URI.create(url).getPath()).isEqualTo("/oauth2/auth");
        assertThat(url)
                .contains("code_challenge_method=S256")
                .contains("code_challenge=")
                .contains("client_id=" + FanvueSimulatorResource.CLIENT_ID)
                .contains("offline_access")
                .contains("state=");
    }

    @Test
    void theFullFlowStoresTheConnectionSealedAndShowsNoToken() throws SQLException {
        String id = FanvueConnectFlow.connect(TestUsers.AGENCY_ADMIN, "agency", null);
        String adminHandle = SimulatorAdmin.world().getString("agencies[0].admin.handle");

        Response list = TestUsers.AGENCY_ADMIN.request().get("/api/fanvue/connections");

        list.then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo(id))
                .body("[0].kind", equalTo("agency"))
                .body("[0].status", equalTo("active"))
                .body("[0].fanvueHandle", equalTo(adminHandle))
                .body("[0].scopes", hasItem("offline_access"))
                .body("[0].expiresAt", notNullValue());
        assertThat(list.asString()).doesNotContainIgnoringCase("token\"").doesNotContain("accessToken");
        String issued = TestUsers.SERVICE
                .request()
                .contentType("application/json")
                .body(Map.of("agencyId", tenants.agencyA().toString()))
                .post("/internal/v1/fanvue-tokens")
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");
        try (Connection db = TestDatabase.get().connect();
                Statement query = db.createStatement();
                ResultSet row = query.executeQuery(
                        "select access_token_ciphertext, refresh_token_ciphertext from agency_fanvue_connections")) {
            row.next();
            assertThat(row.getBytes(1)[0]).isEqualTo((byte) 1);
            assertThat(new String(row.getBytes(1), StandardCharsets.ISO_8859_1)).doesNotContain(issued);
            assertThat(row.getBytes(2)).isNotNull();
        }
    }

    @Test
    void aWrongStateIsRejectedAndNothingIsStored() {
        Map<String, String> approved =
                FanvueConnectFlow.approve(FanvueConnectFlow.authorizeUrl(TestUsers.AGENCY_ADMIN, "agency"), null);

        FanvueConnectFlow.callback(TestUsers.AGENCY_ADMIN, Map.of("code", approved.get("code"), "state", "forged"))
                .then()
                .statusCode(400)
                .body("code", equalTo("oauth_state_invalid"));

        TestUsers.AGENCY_ADMIN.request().get("/api/fanvue/connections").then().body("$", hasSize(0));
    }

    @Test
    void aStateWorksOnce() {
        Map<String, String> approved =
                FanvueConnectFlow.approve(FanvueConnectFlow.authorizeUrl(TestUsers.AGENCY_ADMIN, "agency"), null);
        FanvueConnectFlow.callback(TestUsers.AGENCY_ADMIN, approved).then().statusCode(200);

        FanvueConnectFlow.callback(TestUsers.AGENCY_ADMIN, approved)
                .then()
                .statusCode(400)
                .body("code", equalTo("oauth_state_invalid"));
    }

    @Test
    void anExpiredStateIsRejected() throws SQLException {
        Map<String, String> approved =
                FanvueConnectFlow.approve(FanvueConnectFlow.authorizeUrl(TestUsers.AGENCY_ADMIN, "agency"), null);
        execute("update fanvue_oauth_states set expires_at = now() - interval '1 second'");

        FanvueConnectFlow.callback(TestUsers.AGENCY_ADMIN, approved)
                .then()
                .statusCode(400)
                .body("code", equalTo("oauth_state_expired"));
        TestUsers.AGENCY_ADMIN.request().get("/api/fanvue/connections").then().body("$", hasSize(0));
    }

    @Test
    void aStateStartedByAnotherUserIsRejected() throws SQLException {
        Map<String, String> approved =
                FanvueConnectFlow.approve(FanvueConnectFlow.authorizeUrl(TestUsers.AGENCY_ADMIN, "agency"), null);

        FanvueConnectFlow.callback(TestUsers.OTHER_AGENCY_USER, approved)
                .then()
                .statusCode(400)
                .body("code", equalTo("oauth_state_invalid"));
    }

    @Test
    void aCodeFanvueRejectsIsA400() {
        Map<String, String> approved =
                FanvueConnectFlow.approve(FanvueConnectFlow.authorizeUrl(TestUsers.AGENCY_ADMIN, "agency"), null);

        FanvueConnectFlow.callback(TestUsers.AGENCY_ADMIN, Map.of("code", "bogus", "state", approved.get("state")))
                .then()
                .statusCode(400)
                .body("code", equalTo("fanvue_code_rejected"));
    }

    @Test
    void aCreatorCanConnectPersonally() {
        String creator = SimulatorAdmin.world().getString("agencies[0].creators[0].uuid");

        FanvueConnectFlow.connect(TestUsers.AGENCY_ADMIN, "personal", creator);

        TestUsers.AGENCY_ADMIN
                .request()
                .get("/api/fanvue/connections")
                .then()
                .body("[0].kind", equalTo("personal"))
                .body("[0].fanvueUserId", equalTo(creator));
    }

    @Test
    void reconnectingReplacesTheLiveConnection() {
        String first = FanvueConnectFlow.connect(TestUsers.AGENCY_ADMIN, "agency", null);
        String second = FanvueConnectFlow.connect(TestUsers.AGENCY_ADMIN, "agency", null);

        TestUsers.AGENCY_ADMIN
                .request()
                .get("/api/fanvue/connections")
                .then()
                .body("id", hasItem(second))
                .body("id", not(hasItem(first)));
    }

    @Test
    void disconnectingRevokesAndAnotherAgencyGets404() {
        String id = FanvueConnectFlow.connect(TestUsers.AGENCY_ADMIN, "agency", null);

        TestUsers.OTHER_AGENCY_USER
                .request()
                .delete("/api/fanvue/connections/" + id)
                .then()
                .statusCode(404);
        TestUsers.AGENCY_ADMIN
                .request()
                .delete("/api/fanvue/connections/" + id)
                .then()
                .statusCode(204);

        TestUsers.AGENCY_ADMIN.request().get("/api/fanvue/connections").then().body("$", hasSize(0));
        TestUsers.AGENCY_ADMIN
                .request()
                .delete("/api/fanvue/connections/" + id)
                .then()
                .statusCode(404);
    }

    @Test
    void membersMayNotConnect() {
        TestUsers.AGENCY_MEMBER
                .request()
                .get("/api/fanvue/connect")
                .then()
                .statusCode(403)
                .body("code", equalTo("agency_admin_required"));
        TestUsers.AGENCY_MEMBER.request().get("/api/fanvue/connections").then().statusCode(403);
    }

    @Test
    void badCallbackInputIsA400() {
        TestUsers.AGENCY_ADMIN
                .request()
                .get("/api/fanvue/callback")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        TestUsers.AGENCY_ADMIN
                .request()
                .queryParam("kind", "everyone")
                .get("/api/fanvue/connect")
                .then()
                .statusCode(400);
        TestUsers.AGENCY_ADMIN
                .request()
                .delete("/api/fanvue/connections/not-a-uuid")
                .then()
                .statusCode(anyOf400or404())
                .body("detail", not(containsString("Exception")));
    }

    private static org.hamcrest.Matcher<Integer> anyOf400or404() {
        return org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(404));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection db = TestDatabase.get().connect();
                Statement statement = db.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
