package com.onyxos.auth.rest;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TestUser;
import com.onyxos.common.testing.TestUsers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Agencies and members: creation, roles, the last-admin rule, tenant isolation and bad input. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
class AgencyMembersTest {

    private TestTenants.Tenants tenants;

    @BeforeEach
    void seed() {
        com.onyxos.common.testing.TestDatabase.truncateAll();
        tenants = TestTenants.seed();
    }

    @Test
    void whoeverCreatesAnAgencyBecomesItsAdmin() {
        TestUser founder = new TestUser("test|founder", Set.of());

        String id = founder.request()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "  Nova Talent  "))
                .post("/api/agencies")
                .then()
                .statusCode(201)
                .body("name", equalTo("Nova Talent"))
                .body("role", equalTo("admin"))
                .extract()
                .path("id");

        founder.request().get("/api/agencies").then().statusCode(200).body("id", containsInAnyOrder(id));
        founder.request()
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("subject", equalTo("test|founder"))
                .body("agencies[0].role", equalTo("admin"))
                .body("mfa.enrolled", equalTo(false))
                .body("mfa.stepUpSatisfied", equalTo(true));
    }

    @Test
    void membersSeeTheirAgencysMembersOnly() {
        TestUsers.AGENCY_MEMBER
                .request()
                .get("/api/agency/members")
                .then()
                .statusCode(200)
                .body(
                        "userSub",
                        containsInAnyOrder(TestUsers.AGENCY_ADMIN.subject(), TestUsers.AGENCY_MEMBER.subject()));
        TestUsers.OTHER_AGENCY_USER
                .request()
                .get("/api/agency/members")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
    }

    @Test
    void anotherAgencyNamedInTheHeaderAnswers404() {
        TestUsers.OTHER_AGENCY_USER
                .request()
                .header("X-Agency-Id", tenants.agencyA().toString())
                .get("/api/agency/members")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("agency_not_found"));
    }

    @Test
    void anAdminAddsChangesAndRemovesMembers() {
        TestUser admin = TestUsers.AGENCY_ADMIN;
        admin.request()
                .contentType(ContentType.JSON)
                .body(Map.of("userSub", "test|new-hire", "role", "member"))
                .post("/api/agency/members")
                .then()
                .statusCode(201)
                .body("role", equalTo("member"))
                .body("addedBy", equalTo(admin.subject()));
        admin.request()
                .contentType(ContentType.JSON)
                .body(Map.of("role", "admin"))
                .patch("/api/agency/members/test|new-hire")
                .then()
                .statusCode(200)
                .body("role", equalTo("admin"));
        admin.request().delete("/api/agency/members/test|new-hire").then().statusCode(204);
        admin.request().get("/api/agency/members").then().body("$", hasSize(2));
    }

    @Test
    void aMemberCannotChangeMembers() {
        TestUsers.AGENCY_MEMBER
                .request()
                .contentType(ContentType.JSON)
                .body(Map.of("userSub", "test|friend", "role", "admin"))
                .post("/api/agency/members")
                .then()
                .statusCode(403)
                .body("code", equalTo("agency_admin_required"));
    }

    @Test
    void theLastAdminCanNeitherLeaveNorBeDemoted() {
        TestUser admin = TestUsers.AGENCY_ADMIN;
        admin.request()
                .delete("/api/agency/members/" + admin.subject())
                .then()
                .statusCode(409)
                .body("code", equalTo("last_admin"));
        admin.request()
                .contentType(ContentType.JSON)
                .body(Map.of("role", "member"))
                .patch("/api/agency/members/" + admin.subject())
                .then()
                .statusCode(409);
    }

    @Test
    void addingAnExistingMemberIsAConflict() {
        TestUsers.AGENCY_ADMIN
                .request()
                .contentType(ContentType.JSON)
                .body(Map.of("userSub", TestUsers.AGENCY_MEMBER.subject(), "role", "member"))
                .post("/api/agency/members")
                .then()
                .statusCode(409)
                .body("code", equalTo("member_exists"));
    }

    @Test
    void aUserOfSeveralAgenciesMustNameOne() {
        TestUser founder = TestUsers.AGENCY_ADMIN;
        founder.request()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Second Agency"))
                .post("/api/agencies")
                .then()
                .statusCode(201);

        founder.request().get("/api/agency/members").then().statusCode(400).body("code", equalTo("agency_required"));
        founder.request()
                .header("X-Agency-Id", tenants.agencyA().toString())
                .get("/api/agency/members")
                .then()
                .statusCode(200);
    }

    @Test
    void badInputIsAProblemNeverA500() {
        TestUser admin = TestUsers.AGENCY_ADMIN;
        admin.request()
                .contentType(ContentType.JSON)
                .body(Map.of("userSub", "test|x", "role", "owner"))
                .post("/api/agency/members")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        admin.request()
                .contentType(ContentType.JSON)
                .body(Map.of("name", " "))
                .post("/api/agencies")
                .then()
                .statusCode(400);
        admin.request()
                .header("X-Agency-Id", "not-a-uuid")
                .get("/api/agency/members")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_input"));
        admin.request().delete("/api/agency/members/test|nobody").then().statusCode(404);
        new TestUser("test|loner", Set.of())
                .request()
                .get("/api/agency/members")
                .then()
                .statusCode(403)
                .body("code", equalTo("no_agency_membership"));
    }
}
