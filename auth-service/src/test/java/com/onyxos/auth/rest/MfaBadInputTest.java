package com.onyxos.auth.rest;

import static com.onyxos.auth.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.onyxos.auth.testing.MfaClient;
import com.onyxos.auth.testing.MfaRows;
import com.onyxos.auth.testing.PinnedClockUserTest;
import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TestUser;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed requests to the MFA API answer 4xx problems, never 5xx, and store nothing. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
class MfaBadInputTest extends PinnedClockUserTest {

    private MfaClient.Factor factor;

    @BeforeEach
    void enrollFactor() {
        factor = client.enroll();
    }

    @AfterEach
    void assertNothingStored() {
        if (factor != null) {
            assertThat(MfaRows.value(
                            "select failed_attempts || ':' || status from mfa_factors where id = ?", factor.id()))
                    .isEqualTo("0:unverified");
            assertThat(MfaRows.count("mfa_steps", client.user().subject())).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "1234567", "12a456", "", " 123456", "１２３４５６"})
    void aCodeThatIsNotSixDigitsIsInvalidInput(String code) {
        assertProblem(verify("{\"factorId\":\"" + factor.id() + "\",\"code\":\"" + code + "\"}"), 400, "invalid_input")
                .body("errors[0].field", equalTo("request.code"));
    }

    @Test
    void missingFieldsAreInvalidInput() {
        assertProblem(verify("{\"factorId\":\"" + factor.id() + "\"}"), 400, "invalid_input");
        assertProblem(verify("{\"code\":\"123456\"}"), 400, "invalid_input");
        assertProblem(verify("{}"), 400, "invalid_input");
    }

    @Test
    void aMissingBodyIsInvalidInput() {
        assertProblem(verify(""), 400, "invalid_input");
        assertProblem(
                client.user().request().contentType(ContentType.JSON).post("/api/user/mfa/recovery"),
                400,
                "invalid_input");
    }

    @Test
    void aBadUuidIsAnInvalidBody() {
        assertProblem(verify("{\"factorId\":\"not-a-uuid\",\"code\":\"123456\"}"), 400, "invalid_body")
                .body("errors[0].field", equalTo("body.factorId"));
        assertProblem(verify("{\"factorId\":42,\"code\":\"123456\"}"), 400, "invalid_body");
    }

    @Test
    void wrongTypesAndMalformedJsonAreRejected() {
        assertProblem(verify("{\"factorId\":\"" + factor.id() + "\",\"code\":[1,2]}"), 400, "invalid_body");
        assertProblem(verify("{\"factorId\": \"" + factor.id()), 400, "malformed_json");
        assertProblem(verify("[]"), 400, "invalid_body");
    }

    @Test
    void anOversizeBodyIsRefused() {
        String huge =
                "{\"factorId\":\"" + factor.id() + "\",\"code\":\"123456\",\"pad\":\"" + "x".repeat(2 << 20) + "\"}";

        assertProblem(verify(huge), 413, "payload_too_large");
    }

    @Test
    void aWrongMediaTypeIsRefused() {
        assertProblem(
                client.user()
                        .request()
                        .contentType(ContentType.TEXT)
                        .body("123456")
                        .post("/api/user/mfa/verify"),
                415,
                "unsupported_media_type");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "abcd-efgh-234",
                "abcd-efgh-2341",
                "abcd_efgh_2345",
                "",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            })
    void aMalformedRecoveryCodeIsInvalidInput(String code) {
        assertProblem(
                client.user()
                        .request()
                        .contentType(ContentType.JSON)
                        .body("{\"code\":\"" + code + "\"}")
                        .post("/api/user/mfa/recovery"),
                400,
                "invalid_input");
    }

    @Test
    void aBadFriendlyNameIsRejectedAndNothingIsEnrolled() {
        long before = MfaRows.count("mfa_factors", client.user().subject());

        assertProblem(enroll("{\"friendlyName\":\"" + "x".repeat(101) + "\"}"), 400, "invalid_input");
        assertProblem(enroll("{\"friendlyName\":\"tab\\there\"}"), 400, "invalid_input");
        assertProblem(enroll("{\"friendlyName\":[\"Phone\"]}"), 400, "invalid_body");
        assertProblem(enroll("{\"friendlyName\":"), 400, "malformed_json");

        assertThat(MfaRows.count("mfa_factors", client.user().subject())).isEqualTo(before);
    }

    @Test
    void withoutATokenEveryEndpointAnswers401() {
        assertProblem(RestAssured.get("/api/user/mfa"), 401, "unauthenticated");
        assertProblem(RestAssured.given().contentType(ContentType.JSON).post("/api/user/mfa"), 401, "unauthenticated");
        assertProblem(
                RestAssured.given()
                        .contentType(ContentType.JSON)
                        .body("{\"factorId\":\"" + factor.id() + "\",\"code\":\"123456\"}")
                        .post("/api/user/mfa/verify"),
                401,
                "unauthenticated");
        assertProblem(RestAssured.delete("/api/user/mfa/" + factor.id()), 401, "unauthenticated");
    }

    @Test
    void aSubjectLongerThanTheSchemaAllowsIsRefusedNot500() {
        TestUser giant = new TestUser("test|" + "x".repeat(300), Set.of());

        assertProblem(giant.request().get("/api/user/mfa"), 403, "forbidden");
        assertProblem(giant.request().contentType(ContentType.JSON).post("/api/user/mfa"), 403, "forbidden");
    }

    private Response verify(String body) {
        return client.user().request().contentType(ContentType.JSON).body(body).post("/api/user/mfa/verify");
    }

    private Response enroll(String body) {
        return client.user().request().contentType(ContentType.JSON).body(body).post("/api/user/mfa");
    }
}
