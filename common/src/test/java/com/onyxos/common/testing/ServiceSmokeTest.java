package com.onyxos.common.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What every Onyx service must do from its first day: health, metrics, OpenAPI, bearer-token security and
 * problem+json for bad input. A service's smoke test extends this with {@code @QuarkusTest} and
 * {@code @WithTestResource(PostgresResource.class)}.
 */
public abstract class ServiceSmokeTest {

    private static final String LOG_LEVEL = "/ops/v1/log-levels/com.onyxos.smoke";
    private static final String VERIFIED_TOKEN_HITS = "onyx_security_token_cache_total{result=\"hit\"}";

    @Test
    void readinessIsUpWithTheDatabaseReachable() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsStringIgnoringCase("database")))
                // The entities were validated against the migrated schema.
                .body("checks.find { it.name == 'Database schema' }.status", equalTo("UP"));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsArePublishedForPrometheus() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDescribesTheOpsEndpoints() {
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", notNullValue())
                .body(containsString("/ops/v1/schema"));
    }

    @Test
    void schemaIsMigratedAndValidated() {
        // Hibernate validated its entities against this schema at start; here the migrations are all applied.
        TestUsers.OPS
                .request()
                .when()
                .get("/ops/v1/schema")
                .then()
                .statusCode(200)
                .body("currentVersion", notNullValue())
                .body("pending", equalTo(0));
    }

    @Test
    void noTokenIsRejectedWith401Problem() {
        problem(given().when().get("/ops/v1/schema"), 401, "unauthenticated")
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void expiredTokenIsRejected() {
        problem(bearer(TestTokens.expired(TestUsers.OPS)).get("/ops/v1/schema"), 401, "unauthenticated");
    }

    @Test
    void tokenFromUntrustedIssuerIsRejected() {
        problem(bearer(TestTokens.wrongIssuer(TestUsers.OPS)).get("/ops/v1/schema"), 401, "unauthenticated");
    }

    @Test
    void tokenSignedByUnknownKeyIsRejected() {
        problem(bearer(TestTokens.signedByUnknownKey(TestUsers.OPS)).get("/ops/v1/schema"), 401, "unauthenticated");
    }

    @Test
    void aVerifiedTokenIsAcceptedFromTheCacheOnItsNextRequests() {
        String token = TestTokens.mint(TestUsers.OPS);
        bearer(token).get("/ops/v1/schema").then().statusCode(200);
        double hits = ServiceMetrics.value(VERIFIED_TOKEN_HITS);
        bearer(token).get("/ops/v1/schema").then().statusCode(200);
        bearer(token).get("/ops/v1/schema").then().statusCode(200);
        assertThat(ServiceMetrics.value(VERIFIED_TOKEN_HITS)).isEqualTo(hits + 2);
    }

    @Test
    void aCachedTokenIsRefusedOnceItHasExpired() throws InterruptedException {
        String token = TestTokens.expiringIn(TestUsers.OPS, Duration.ofSeconds(2));
        bearer(token).get("/ops/v1/schema").then().statusCode(200);
        double hits = ServiceMetrics.value(VERIFIED_TOKEN_HITS);
        bearer(token).get("/ops/v1/schema").then().statusCode(200);
        assertThat(ServiceMetrics.value(VERIFIED_TOKEN_HITS)).isEqualTo(hits + 1);

        Instant expiry = Instant.ofEpochSecond(expiry(token));
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 1_100);
        problem(bearer(token).get("/ops/v1/schema"), 401, "unauthenticated");
    }

    @Test
    void aTamperedTokenIsRefusedWhileTheGenuineOneIsCached() {
        String token = TestTokens.mint(TestUsers.AGENCY_ADMIN);
        problem(bearer(token).get("/ops/v1/schema"), 403, "forbidden");
        problem(bearer(token).get("/ops/v1/schema"), 403, "forbidden");
        String[] parts = token.split("\\.");
        // The same signature over claims that add the ops role; and the genuine claims with a changed signature.
        String genuine = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String claims = genuine.contains("\"groups\":")
                ? genuine.replaceFirst("\"groups\":\\[[^\\]]*\\]", "\"groups\":[\"ops\"]")
                : genuine.replaceFirst("\\{", "{\"groups\":[\"ops\"],");
        assertThat(claims).contains("\"groups\":[\"ops\"]");
        String elevated = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
        problem(bearer(elevated).get("/ops/v1/schema"), 401, "unauthenticated");
        char last = parts[2].charAt(parts[2].length() - 2);
        String resigned = parts[0] + "." + parts[1] + "."
                + parts[2].substring(0, parts[2].length() - 2) + (last == 'A' ? 'B' : 'A')
                + parts[2].charAt(parts[2].length() - 1);
        problem(bearer(resigned).get("/ops/v1/schema"), 401, "unauthenticated");
        problem(bearer(token).get("/ops/v1/schema"), 403, "forbidden");
    }

    @Test
    void cachedTokensKeepTheirOwnCallersAndRoles() {
        String ops = TestTokens.mint(TestUsers.OPS);
        String admin = TestTokens.mint(TestUsers.AGENCY_ADMIN);
        for (int round = 0; round < 3; round++) {
            bearer(ops).get("/ops/v1/schema").then().statusCode(200);
            problem(bearer(admin).get("/ops/v1/schema"), 403, "forbidden");
        }
    }

    @Test
    void tokenWithoutTheRoleIsForbidden() {
        problem(TestUsers.AGENCY_ADMIN.request().when().get("/ops/v1/schema"), 403, "forbidden");
        problem(TestUsers.SERVICE.request().when().get("/ops/v1/schema"), 403, "forbidden");
    }

    @Test
    void opsCanChangeALogLevelAtRuntime() {
        TestUsers.OPS
                .request()
                .contentType(ContentType.JSON)
                .body("{\"level\":\"DEBUG\"}")
                .when()
                .put(LOG_LEVEL)
                .then()
                .statusCode(200)
                .body("level", equalTo("DEBUG"))
                .body("effectiveLevel", equalTo("DEBUG"));
        TestUsers.OPS.request().when().get(LOG_LEVEL).then().statusCode(200).body("level", equalTo("DEBUG"));
    }

    @Test
    void malformedJsonIs400Problem() {
        problem(putLogLevel("{\"level\": \"DEB"), 400, "malformed_json");
    }

    @Test
    void wrongTypeIs400ProblemNamingTheField() {
        problem(putLogLevel("{\"level\": [\"DEBUG\"]}"), 400, "invalid_body")
                .body("errors[0].field", equalTo("body.level"));
        problem(putLogLevel("{\"level\": 5}"), 400, "invalid_body").body("errors[0].field", equalTo("body.level"));
        problem(putLogLevel("{\"level\": \"LOUD\"}"), 400, "invalid_body")
                .body("errors[0].message", containsString("one of [OFF"));
    }

    @Test
    void missingRequiredValueIs400Problem() {
        problem(putLogLevel("{}"), 400, "invalid_input").body("errors[0].field", containsString("level"));
        problem(putLogLevel(""), 400, "invalid_input");
    }

    @Test
    void invalidPathValueIs400Problem() {
        problem(
                TestUsers.OPS
                        .request()
                        .contentType(ContentType.JSON)
                        .body("{\"level\":\"INFO\"}")
                        .when()
                        .put("/ops/v1/log-levels/not a category!"),
                400,
                "invalid_input");
    }

    @Test
    void oversizeBodyIs413Problem() {
        String huge = "{\"level\":\"INFO\",\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        problem(putLogLevel(huge), 413, "payload_too_large");
    }

    @Test
    void duplicateKeyIs400MalformedJson() {
        problem(putLogLevel("{\"level\":\"DEBUG\",\"level\":\"INFO\"}"), 400, "malformed_json");
    }

    @Test
    void nulInAPathParameterIs400NamingIt() {
        problem(
                        TestUsers.OPS
                                .request()
                                .urlEncodingEnabled(false)
                                .contentType(ContentType.JSON)
                                .body("{\"level\":\"INFO\"}")
                                .put("/ops/v1/log-levels/com.a%00b"),
                        400,
                        "invalid_input")
                .body("errors[0].field", equalTo("path.category"));
    }

    @Test
    void oversizeChunkedBodyIs413Problem() throws Exception {
        HttpResponse<String> response =
                putChunked("{\"level\":\"INFO\",\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");

        assertEquals(413, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(response.body().contains("\"code\":\"payload_too_large\""), response.body());
    }

    @Test
    void chunkedBodyWithinTheLimitIsRead() throws Exception {
        HttpResponse<String> response = putChunked("{\"level\":\"WARN\"}");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"level\":\"WARN\""), response.body());
    }

    /** PUTs a log level with a body sent chunked, without Content-Length. */
    private static HttpResponse<String> putChunked(String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + LOG_LEVEL))
                .header("Authorization", "Bearer " + TestUsers.OPS.token())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void overlongRequestTargetIs414Problem() {
        problem(TestUsers.OPS.request().get("/api/" + "x".repeat(9_000)), 414, "uri_too_long");
    }

    /**
     * A header value with a bare CR is refused by the HTTP decoder before any handler runs: Vert.x answers 400
     * itself, with an empty body (Quarkus gives no hook for Vert.x's invalid-request handler). Never a 5xx.
     */
    @Test
    void malformedHttpIsRefusedBeforeRouting() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream()
                    .write("GET /q/health/live HTTP/1.1\r\nHost: localhost\r\nX-Bad: a\rb\r\n\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
            assertEquals("HTTP/1.1 400", status);
        }
    }

    @Test
    void unknownPathIs404Problem() {
        problem(TestUsers.OPS.request().when().get("/api/does-not-exist"), 404, "not_found");
    }

    @Test
    void wrongMediaTypeIs415Problem() {
        problem(
                TestUsers.OPS
                        .request()
                        .contentType(ContentType.XML)
                        .body("<level>INFO</level>")
                        .when()
                        .put(LOG_LEVEL),
                415,
                "unsupported_media_type");
    }

    private static io.restassured.response.Response putLogLevel(String body) {
        return TestUsers.OPS
                .request()
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put(LOG_LEVEL);
    }

    private static long expiry(String token) {
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher exp = Pattern.compile("\"exp\":(\\d+)").matcher(claims);
        assertThat(exp.find()).isTrue();
        return Long.parseLong(exp.group(1));
    }

    private static io.restassured.specification.RequestSpecification bearer(String token) {
        return given().auth().oauth2(token).when();
    }

    /** Asserts a problem+json response with the status and code, and nothing that leaks internals. */
    protected static ValidatableResponse problem(io.restassured.response.Response response, int status, String code) {
        return response.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("code", equalTo(code))
                .body("type", containsString(code))
                .body("title", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("com.onyxos")))
                .body(not(containsString("\tat ")));
    }
}
