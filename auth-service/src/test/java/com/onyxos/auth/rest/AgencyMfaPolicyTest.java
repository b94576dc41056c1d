package com.onyxos.auth.rest;

import static com.onyxos.auth.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.onyxos.auth.testing.MfaClient;
import com.onyxos.auth.testing.PinnedClockUserTest;
import com.onyxos.common.security.TenantResolver;
import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TestUser;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agency policy "require two-factor": an admin with a factor of their own turns it on; a member without a
 * verified factor is then shut out of the agency (403 {@code mfa_enrollment_required}) but can still enroll,
 * verify and read {@code /api/me}, which says what to do; once enrolled they are back in.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
class AgencyMfaPolicyTest extends PinnedClockUserTest {

    private MfaClient member;
    private String agencyId;

    @BeforeEach
    void agencyWithAMemberWithoutFactor() {
        client.enrollVerified(); // the admin, stepped up in this session
        agencyId = client.user()
                .request()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Policy agency"))
                .post("/api/agencies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        member = new MfaClient(new TestUser("test|policy-member-" + UUID.randomUUID(), Set.of()), clock);
        client.user()
                .request()
                .contentType(ContentType.JSON)
                .body(Map.of("userSub", member.user().subject(), "role", "member"))
                .post("/api/agency/members")
                .then()
                .statusCode(201);
    }

    private Response setPolicy(TestUser user, Object requireMfa) {
        return user.request()
                .contentType(ContentType.JSON)
                .body(Map.of("requireMfa", requireMfa))
                .put("/api/agency/policy");
    }

    @Test
    void offByDefaultAMemberWithoutAFactorWorksAsBefore() {
        member.user().request().get("/api/agency/policy").then().statusCode(200).body("requireMfa", equalTo(false));
        member.user().request().get("/api/agency/members").then().statusCode(200);
    }

    @Test
    void onceRequiredAMemberWithoutAFactorIsShutOutOfTheAgency() {
        setPolicy(client.user(), true).then().statusCode(200).body("requireMfa", equalTo(true));

        assertProblem(member.user().request().get("/api/agency/members"), 403, TenantResolver.MFA_ENROLLMENT_REQUIRED)
                .body("detail", containsString("POST /api/user/mfa"));
        assertProblem(
                member.user().request().get("/api/fanvue/connections"), 403, TenantResolver.MFA_ENROLLMENT_REQUIRED);
        assertProblem(member.user().request().get("/api/agency/policy"), 403, TenantResolver.MFA_ENROLLMENT_REQUIRED);
        // The admin, who has a factor, is not.
        client.user().request().get("/api/agency/members").then().statusCode(200);
    }

    @Test
    void meSaysWhatToDoAndEnrollingLetsTheMemberBackIn() {
        setPolicy(client.user(), true).then().statusCode(200);

        member.user()
                .request()
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("mfa.enrolled", equalTo(false))
                .body("mfa.enrollmentRequired", equalTo(true))
                .body("mfa.requiredBy", hasItem(agencyId))
                .body("mfa.nextStep", containsString("POST /api/user/mfa/verify"))
                .body("agencies[0].requireMfa", equalTo(true));

        member.enrollVerified(); // enrollment and verification stay open under the policy

        member.user().request().get("/api/agency/members").then().statusCode(200);
        member.user()
                .request()
                .get("/api/me")
                .then()
                .body("mfa.enrollmentRequired", equalTo(false))
                .body("mfa.nextStep", nullValue());
    }

    @Test
    void aSecondFactorCheckedByTheIdentityProviderMeetsThePolicy() {
        setPolicy(client.user(), true).then().statusCode(200);

        member.user()
                .request(Map.of("amr", List.of("pwd", "mfa")))
                .get("/api/agency/members")
                .then()
                .statusCode(200);
    }

    @Test
    void onlyAnAdminWithAFactorOfTheirOwnCanRequireOne() {
        assertProblem(setPolicy(member.user(), true), 403, "agency_admin_required");

        TestUser founder = new TestUser("test|policy-founder-" + UUID.randomUUID(), Set.of());
        founder.request()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "No factor agency"))
                .post("/api/agencies")
                .then()
                .statusCode(201);
        assertProblem(setPolicy(founder, true), 409, "mfa_not_enrolled");
        setPolicy(founder, false).then().statusCode(200);
    }

    @Test
    void anAdminWithAFactorMustHaveSteppedUpInThisSession() {
        assertProblem(
                client.user()
                        .request(Map.of("sid", "another-session"))
                        .contentType(ContentType.JSON)
                        .body(Map.of("requireMfa", true))
                        .put("/api/agency/policy"),
                403,
                "mfa_step_up_required");
    }

    @Test
    void thePolicyIsABooleanNothingElse() {
        assertProblem(setPolicy(client.user(), "true"), 400, "invalid_body")
                .body("errors[0].field", equalTo("body.requireMfa"));
        assertProblem(setPolicy(client.user(), 1), 400, "invalid_body");
        assertProblem(
                client.user().request().contentType(ContentType.JSON).body("{}").put("/api/agency/policy"),
                400,
                "invalid_input");
    }
}
