package com.onyxos.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.onyxos.simulator.control.JournalFilter;
import com.onyxos.simulator.oauth.Pkce;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Authorization code + PKCE S256, HTTP Basic client auth, rotating single-use refresh tokens with reuse detection. */
class OAuthFlowTest {
    static final String CLIENT = SimulatorSettings.DEFAULT_CLIENT.clientId();
    static final String SECRET = SimulatorSettings.DEFAULT_CLIENT.clientSecret();
    static final String REDIRECT =
            SimulatorSettings.DEFAULT_CLIENT.redirectUris().get(0);
    static final String VERIFIER = "verifier-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFG";
    static final String SCOPES = "openid offline_access offline read:self read:creator read:media";
    static SimFixture fx;

    @BeforeAll
    static void start() {
        fx = SimFixture.start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @BeforeEach
    void clear() {
        fx.sim.control().clearJournal();
    }

    @Test
    void fullFlowApprovesTheDemoUserAndEchoesState() {
        Map<String, String> redirect = authorize(Map.of("state", "xyz 1"));
        assertThat(redirect).containsEntry("state", "xyz 1").containsKey("code");
        JsonPath tokens = exchange(redirect.get("code"), VERIFIER, REDIRECT)
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600))
                .body("scope", equalTo(SCOPES))
                .body("refresh_token", notNullValue())
                .body("id_token", notNullValue())
                .extract()
                .jsonPath();
        fx.api(tokens.getString("access_token"))
                .get("/users/me")
                .then()
                .statusCode(200)
                .body("uuid", equalTo(fx.sim.world().demoUser().uuid()));
    }

    @Test
    void loginHintSelectsAnotherSeededUser() {
        String creator = fx.sim.world().creators().get(2).handle();
        Map<String, String> redirect = authorize(Map.of("login_hint", creator));
        String access =
                exchange(redirect.get("code"), VERIFIER, REDIRECT).jsonPath().getString("access_token");
        fx.api(access).get("/users/me").then().body("handle", equalTo(creator)).body("isCreator", equalTo(true));
    }

    @Test
    void noRefreshTokenWithoutOfflineAccess() {
        Map<String, String> redirect = authorize(Map.of("scope", "openid read:self"));
        exchange(redirect.get("code"), VERIFIER, REDIRECT)
                .then()
                .statusCode(200)
                .body("refresh_token", nullValue())
                .body("access_token", notNullValue());
    }

    @Test
    void wrongVerifierIsInvalidGrant() {
        String code = authorize(Map.of()).get("code");
        exchange(code, VERIFIER + "x", REDIRECT)
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_grant"))
                .body("error_description", notNullValue());
    }

    @Test
    void codesAreSingleUse() {
        String code = authorize(Map.of()).get("code");
        String access = exchange(code, VERIFIER, REDIRECT)
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        exchange(code, VERIFIER, REDIRECT).then().statusCode(400).body("error", equalTo("invalid_grant"));
        fx.api(access).get("/users/me").then().statusCode(401);
    }

    @Test
    void codeIsBoundToTheRedirectUri() {
        String code = authorize(Map.of()).get("code");
        exchange(code, VERIFIER, SimulatorSettings.DEFAULT_CLIENT.redirectUris().get(1))
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_grant"));
    }

    @Test
    void unregisteredRedirectUriOrClientIsRefusedWithoutRedirecting() {
        authorizeRequest(Map.of("redirect_uri", "http://evil.example/cb"))
                .get("/oauth2/auth")
                .then()
                .statusCode(400)
                .header("Location", nullValue())
                .body("error", equalTo("invalid_request"));
        authorizeRequest(Map.of("client_id", "nobody"))
                .get("/oauth2/auth")
                .then()
                .statusCode(400);
    }

    @Test
    void pkceS256IsRequired() {
        Map<String, String> plain = redirectParams(
                authorizeRequest(Map.of("code_challenge_method", "plain")).get("/oauth2/auth"));
        assertThat(plain)
                .containsEntry("error", "invalid_request")
                .containsEntry("state", "s")
                .doesNotContainKey("code");
        Map<String, String> none =
                redirectParams(authorizeRequest(Map.of("code_challenge", "")).get("/oauth2/auth"));
        assertThat(none).containsEntry("error", "invalid_request");
        Map<String, String> scope = redirectParams(
                authorizeRequest(Map.of("scope", "read:everything")).get("/oauth2/auth"));
        assertThat(scope).containsEntry("error", "invalid_scope");
    }

    @Test
    void badClientSecretIs401InvalidClient() {
        String code = authorize(Map.of()).get("code");
        fx.plain()
                .auth()
                .preemptive()
                .basic(CLIENT, "wrong")
                .formParam("grant_type", "authorization_code")
                .formParam("code", code)
                .formParam("redirect_uri", REDIRECT)
                .formParam("code_verifier", VERIFIER)
                .post("/oauth2/token")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid_client"));
        fx.plain()
                .formParam("grant_type", "authorization_code")
                .post("/oauth2/token")
                .then()
                .statusCode(401);
    }

    @Test
    void refreshRotatesAndReuseRevokesTheWholeGrant() {
        JsonPath first =
                exchange(authorize(Map.of()).get("code"), VERIFIER, REDIRECT).jsonPath();
        JsonPath second = refresh(first.getString("refresh_token"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(second.getString("refresh_token")).isNotEqualTo(first.getString("refresh_token"));
        assertThat(second.getString("access_token")).isNotEqualTo(first.getString("access_token"));
        fx.api(second.getString("access_token")).get("/users/me").then().statusCode(200);
        long revokedBefore = fx.sim.control().stats().revokedGrants();

        refresh(first.getString("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));

        fx.api(second.getString("access_token")).get("/users/me").then().statusCode(401);
        refresh(second.getString("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        assertThat(fx.sim.control().stats().revokedGrants()).isEqualTo(revokedBefore + 1);
        assertThat(fx.sim.control().journal(JournalFilter.ALL.withGrantType("refresh_token")))
                .hasSize(3)
                .first()
                .satisfies(e -> {
                    assertThat(e.user()).isEqualTo(fx.sim.world().demoUser().uuid());
                    assertThat(e.route()).isEqualTo("/oauth2/token");
                    assertThat(e.status()).isEqualTo(200);
                });
    }

    @Test
    void unsupportedGrantType() {
        fx.plain()
                .auth()
                .preemptive()
                .basic(CLIENT, SECRET)
                .formParam("grant_type", "password")
                .post("/oauth2/token")
                .then()
                .statusCode(400)
                .body("error", equalTo("unsupported_grant_type"));
    }

    static Map<String, String> authorize(Map<String, String> overrides) {
        Response response = authorizeRequest(overrides).get("/oauth2/auth");
        assertThat(response.statusCode()).isEqualTo(302);
        return redirectParams(response);
    }

    static RequestSpecification authorizeRequest(Map<String, String> overrides) {
        Map<String, String> params = new HashMap<>(Map.of(
                "response_type",
                "code",
                "client_id",
                CLIENT,
                "redirect_uri",
                REDIRECT,
                "scope",
                SCOPES,
                "state",
                "s",
                "code_challenge",
                Pkce.s256(VERIFIER),
                "code_challenge_method",
                "S256"));
        params.putAll(overrides);
        return fx.plain().redirects().follow(false).queryParams(params);
    }

    static Map<String, String> redirectParams(Response response) {
        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.header("Location"));
        assertThat(location.toString()).startsWith(REDIRECT + "?");
        return Arrays.stream(location.getRawQuery().split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    static Response exchange(String code, String verifier, String redirectUri) {
        return fx.plain()
                .auth()
                .preemptive()
                .basic(CLIENT, SECRET)
                .formParam("grant_type", "authorization_code")
                .formParam("code", code)
                .formParam("redirect_uri", redirectUri)
                .formParam("code_verifier", verifier)
                .post("/oauth2/token");
    }

    static Response refresh(String refreshToken) {
        Response response = fx.plain()
                .auth()
                .preemptive()
                .basic(CLIENT, SECRET)
                .formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken)
                .post("/oauth2/token");
        response.then().statusCode(not(401));
        return response;
    }
}
