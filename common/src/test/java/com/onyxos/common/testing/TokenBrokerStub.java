package com.onyxos.common.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Instant;
import java.util.Map;

/**
 * auth-service's token broker, stood in by WireMock for the services that call it (its contract is small, and
 * auth-service's own tests cover how it resolves and refreshes): it hands out tokens the Fanvue simulator issued,
 * or answers "not connected", and counts what it was asked. Driven over WireMock's admin API, so it works whatever
 * class loader a test runs in. Consumers declare {@code wiremock-standalone} as a test dependency.
 */
public class TokenBrokerStub implements QuarkusTestResourceLifecycleManager {

    /** The service-role bearer token the stand-in requires. */
    public static final String SERVICE_TOKEN = "onyx-test-service-token";

    private static final String PATH = "/internal/v1/fanvue-tokens";
    private static final String PORT_PROPERTY = "onyx.test.token-broker-stub.port";
    private static final String NOT_CONNECTED = "{\"status\":404,\"code\":\"fanvue_not_connected\","
            + "\"detail\":\"No Fanvue access token for this model\"}";

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

    /** Every request gets {@code accessToken}, as the agency connection of {@code fanvueUserId}, valid an hour. */
    public static void handOut(String accessToken, String fanvueUserId) {
        handOut(accessToken, fanvueUserId, "agency", Instant.now().plusSeconds(3600));
    }

    /** Every request gets {@code accessToken} of {@code fanvueUserId} from a connection of kind {@code source}. */
    public static void handOut(String accessToken, String fanvueUserId, String source, Instant expiresAt) {
        WireMock admin = admin();
        admin.resetMappings();
        admin.resetRequests();
        admin.register(post(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + SERVICE_TOKEN))
                .willReturn(okJson(answer(accessToken, fanvueUserId, source, expiresAt))));
    }

    /**
     * Requests naming a creator get the personal token of {@code fanvueUserId}; agency-wide requests (no creator)
     * answer "not connected": an agency whose only connection is one creator's personal one.
     */
    public static void personalOnly(String accessToken, String fanvueUserId) {
        WireMock admin = admin();
        admin.resetMappings();
        admin.resetRequests();
        admin.register(post(urlEqualTo(PATH)).atPriority(10).willReturn(notConnectedResponse()));
        admin.register(post(urlEqualTo(PATH))
                .atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + SERVICE_TOKEN))
                .withRequestBody(containing("\"creatorId\":\""))
                .willReturn(okJson(answer(
                        accessToken, fanvueUserId, "personal", Instant.now().plusSeconds(3600)))));
    }

    /**
     * Like the real broker after Fanvue rejected {@code accessToken}: requests get {@code accessToken} until one
     * reports it rejected, which (and every later report of it) gets {@code renewed}.
     */
    public static void handOutThenRenew(String accessToken, String renewed, String fanvueUserId) {
        Instant expiresAt = Instant.now().plusSeconds(3600);
        answerUnless(
                answer(accessToken, fanvueUserId, "agency", expiresAt),
                "\"rejectedAccessToken\":\"" + accessToken + "\"",
                answer(renewed, fanvueUserId, "agency", expiresAt));
    }

    /**
     * An agency connection of {@code agencyUser} and one creator's personal connection: requests asking for the
     * personal connection ({@code source: personal}) get {@code personalToken}, every other {@code agencyToken}.
     */
    public static void agencyAndPersonal(
            String agencyToken, String agencyUser, String personalToken, String personalUser) {
        Instant expiresAt = Instant.now().plusSeconds(3600);
        answerUnless(
                answer(agencyToken, agencyUser, "agency", expiresAt),
                "\"source\":\"personal\"",
                answer(personalToken, personalUser, "personal", expiresAt));
    }

    /** Service-authenticated requests get {@code usual}, those whose body contains {@code fragment} get {@code other}. */
    private static void answerUnless(String usual, String fragment, String other) {
        WireMock admin = admin();
        admin.resetMappings();
        admin.resetRequests();
        admin.register(post(urlEqualTo(PATH))
                .atPriority(10)
                .withHeader("Authorization", equalTo("Bearer " + SERVICE_TOKEN))
                .willReturn(okJson(usual)));
        admin.register(post(urlEqualTo(PATH))
                .atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + SERVICE_TOKEN))
                .withRequestBody(containing(fragment))
                .willReturn(okJson(other)));
    }

    /** Requests whose body contains {@code fragment} (e.g. {@code "source":"personal"}). */
    public static int requestsContaining(String fragment) {
        return admin().find(postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing(fragment)))
                .size();
    }

    /** Every request is answered like a creator without any usable connection. */
    public static void notConnected() {
        WireMock admin = admin();
        admin.resetMappings();
        admin.resetRequests();
        admin.register(post(urlEqualTo(PATH)).willReturn(notConnectedResponse()));
    }

    /** Requests received since the last hand-out was set up. */
    public static int requests() {
        return admin().find(postRequestedFor(urlEqualTo(PATH))).size();
    }

    /** Requests that reported a token Fanvue rejected (each one makes the real broker refresh). */
    public static int renewals() {
        return admin().find(
                        postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing("\"rejectedAccessToken\":\"")))
                .size();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder notConnectedResponse() {
        return aResponse()
                .withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(NOT_CONNECTED);
    }

    private static String answer(String accessToken, String fanvueUserId, String source, Instant expiresAt) {
        return "{\"accessToken\":\"" + accessToken + "\",\"expiresAt\":\"" + expiresAt + "\",\"source\":\"" + source
                + "\",\"fanvueUserId\":\"" + fanvueUserId + "\"}";
    }
}
