package com.onyxos.auth.rest;

import static com.onyxos.auth.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.onyxos.auth.testing.MfaRows;
import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TestUser;
import com.onyxos.common.testing.TestUsers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The classes of input the hardening issue found answered 500 or accepted, on auth-service's agency and member
 * endpoints: each is a 400 problem naming the field, decided before the database is touched.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
class StrictJsonTest {

    private static final TestUser FOUNDER = new TestUser("test|strict-founder", Set.of());

    @BeforeEach
    void seed() {
        TestDatabase.truncateAll();
        TestTenants.seed();
    }

    private static Response createAgency(String body) {
        return FOUNDER.request().contentType(ContentType.JSON).body(body).post("/api/agencies");
    }

    private static long agencies() {
        return ((Number) MfaRows.value("select count(*) from agencies where created_by = ?", FOUNDER.subject()))
                .longValue();
    }

    @Test
    void aDuplicateKeyIsMalformedJson() {
        assertProblem(createAgency("{\"name\":\"a\",\"name\":\"b\"}"), 400, "malformed_json");
        assertThat(agencies()).isZero();
    }

    @Test
    void aNumberIsNotAString() {
        assertProblem(createAgency("{\"name\":12345}"), 400, "invalid_body")
                .body("errors[0].field", equalTo("body.name"))
                .body("errors[0].message", equalTo("must be a string"));
        assertProblem(createAgency("{\"name\":true}"), 400, "invalid_body");
        assertThat(agencies()).isZero();
    }

    @Test
    void aNulInAStringIsInvalidInputNamingTheField() {
        assertProblem(createAgency("{\"name\":\"a\\u0000b\"}"), 400, "invalid_input")
                .body("errors[0].field", equalTo("body.name"));
        assertProblem(
                        TestUsers.AGENCY_ADMIN
                                .request()
                                .contentType(ContentType.JSON)
                                .body("{\"userSub\":\"x\\u0000y\",\"role\":\"member\"}")
                                .post("/api/agency/members"),
                        400,
                        "invalid_input")
                .body("errors[0].field", equalTo("body.userSub"));
        assertThat(agencies()).isZero();
    }

    @Test
    void aNulInAPathOrQueryParameterIsInvalidInputNamingIt() {
        assertProblem(
                        TestUsers.AGENCY_ADMIN
                                .request()
                                .urlEncodingEnabled(false)
                                .delete("/api/agency/members/a%00b"),
                        400,
                        "invalid_input")
                .body("errors[0].field", equalTo("path.userSub"));
        assertProblem(
                        TestUsers.AGENCY_ADMIN
                                .request()
                                .urlEncodingEnabled(false)
                                .get("/api/fanvue/callback?code=a%00b&state=s"),
                        400,
                        "invalid_input")
                .body("errors[0].field", equalTo("query.code"));
    }
}
