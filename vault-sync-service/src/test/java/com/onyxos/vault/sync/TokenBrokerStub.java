package com.onyxos.vault.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Instant;
import java.util.Map;

/**
 * auth-service's token broker, stood in by WireMock (its contract is small and these tests are about the vault):
 * it hands out tokens the Fanvue simulator issued, or answers "not connected". Driven over WireMock's admin API,
 * so it works whatever class loader a test runs in.
 */
public class TokenBrokerStub implements QuarkusTestResourceLifecycleManager {

    static final String SERVICE_TOKEN = "vault-test-service-token";
    private static final String PORT_PROPERTY = "onyx.test.token-broker-stub.port";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        System.setProperty(PORT_PROPERTY, String.valueOf(server.port()));
        return Map.of(
                "quarkus.rest-client.token-broker.url", server.baseUrl(), "onyx.service-auth.token", SERVICE_TOKEN);
    }

    @Override
    public void stop() {
        server.stop();
    }

    private static WireMock admin() {
        return new WireMock("localhost", Integer.parseInt(System.getProperty(PORT_PROPERTY)));
    }

    /** Every request gets {@code accessToken}, as the agency connection of {@code fanvueUserId}. */
    public static void handOut(String accessToken, String fanvueUserId) {
        WireMock admin = admin();
        admin.resetMappings();
        admin.register(post(urlEqualTo("/internal/v1/fanvue-tokens"))
                .withHeader("Authorization", equalTo("Bearer " + SERVICE_TOKEN))
                .willReturn(okJson("{\"accessToken\":\"" + accessToken + "\",\"expiresAt\":\""
                        + Instant.now().plusSeconds(3600) + "\",\"source\":\"agency\",\"fanvueUserId\":\""
                        + fanvueUserId + "\"}")));
    }

    /** Every request is answered like a creator without any usable connection. */
    public static void notConnected() {
        WireMock admin = admin();
        admin.resetMappings();
        admin.register(post(urlEqualTo("/internal/v1/fanvue-tokens"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404,\"code\":\"fanvue_not_connected\","
                                + "\"detail\":\"No Fanvue access token for this model\"}")));
    }
}
