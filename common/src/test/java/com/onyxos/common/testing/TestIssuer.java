package com.onyxos.common.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * An OIDC provider's token endpoint for the client credentials grant, stood in by WireMock: discovery at
 * {@code {issuer}/.well-known/openid-configuration}, and {@code POST {issuer}/token} handing out service-role tokens
 * signed by the committed test key ({@link TestTokens}), so a service's own validation would accept them. The
 * service under test is configured with {@code onyx.service-auth.method=client-credentials} and the
 * {@code quarkus.oidc-client.*} of {@link #CLIENT_ID}. Driven over WireMock's admin API, like the other stubs, so it
 * works whatever class loader a test runs in. Consumers declare {@code wiremock-standalone} as a test dependency.
 */
public class TestIssuer implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "vault-sync-service";
    public static final String CLIENT_SECRET = "test-client-secret";
    private static final String PORT_PROPERTY = "onyx.test.issuer-stub.port";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        System.setProperty(PORT_PROPERTY, String.valueOf(server.port()));
        server.stubFor(get(urlEqualTo("/.well-known/openid-configuration"))
                .willReturn(okJson("{\"issuer\":\"" + server.baseUrl() + "\",\"token_endpoint\":\"" + server.baseUrl()
                        + "/token\"}")));
        return Map.of(
                "onyx.service-auth.method",
                "client-credentials",
                "quarkus.oidc-client.auth-server-url",
                server.baseUrl(),
                "quarkus.oidc-client.client-id",
                CLIENT_ID,
                "quarkus.oidc-client.credentials.secret",
                CLIENT_SECRET,
                // Services under test call their other peers (the broker) on the same stub server.
                "quarkus.rest-client.token-broker.url",
                server.baseUrl());
    }

    @Override
    public void stop() {
        server.stop();
    }

    /** WireMock's admin client for this JVM's stub server (to stub and verify other endpoints on it). */
    public static WireMock admin() {
        return new WireMock("localhost", Integer.parseInt(System.getProperty(PORT_PROPERTY)));
    }

    /**
     * From now on the token endpoint answers the client's grants with these tokens, one per grant in order (the
     * last one again after that), each with its {@code expires_in}; any other client is refused with 401.
     */
    public static void issue(List<IssuedToken> tokens) {
        WireMock admin = admin();
        admin.resetMappings();
        admin.resetRequests();
        admin.resetScenarios();
        admin.register(get(urlEqualTo("/.well-known/openid-configuration"))
                .willReturn(okJson(
                        "{\"token_endpoint\":\"http://localhost:" + System.getProperty(PORT_PROPERTY) + "/token\"}")));
        admin.register(post(urlEqualTo("/token"))
                .atPriority(10)
                .willReturn(WireMock.aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_client\"}")));
        for (int i = 0; i < tokens.size(); i++) {
            IssuedToken token = tokens.get(i);
            admin.register(post(urlEqualTo("/token"))
                    .atPriority(1)
                    .inScenario("grants")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "grant-" + i)
                    .willSetStateTo(i == tokens.size() - 1 ? "grant-" + i : "grant-" + (i + 1))
                    .withHeader("Authorization", equalTo(basic(CLIENT_ID, CLIENT_SECRET)))
                    .withRequestBody(WireMock.containing("grant_type=client_credentials"))
                    .willReturn(okJson("{\"access_token\":\"" + token.value() + "\",\"token_type\":\"Bearer\","
                            + "\"expires_in\":" + token.expiresIn().toSeconds() + "}")));
        }
    }

    /** Grants the token endpoint has answered since the last {@link #issue}. */
    public static int grants() {
        return admin().find(postRequestedFor(urlEqualTo("/token"))).size();
    }

    /** A service-role token for {@link #CLIENT_ID} signed by the test key, as the provider would hand it out. */
    public static IssuedToken serviceToken(Duration expiresIn) {
        return new IssuedToken(TestTokens.mint(TestUsers.SERVICE), expiresIn);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One grant's answer.
     *
     * @param value the access token
     * @param expiresIn the {@code expires_in} the provider announces
     */
    public record IssuedToken(String value, Duration expiresIn) {}
}
