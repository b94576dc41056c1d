package com.onyxos.vault.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.SimulatorAdmin;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One vault sync request is one trace: the server span, the broker call (REST client) and the Fanvue reads (the
 * Fanvue client's Vert.x WebClient) are its children, and the trace context travels to the broker. The request
 * arrives in a caller's sampled trace, which the service follows (parent-based) although it samples no new trace of
 * its own (the shared configuration's ratio 0), so the test runs in the module's usual application, no restart.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class TracingTest {

    private static final AttributeKey<String> URL = AttributeKey.stringKey("url.full");

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aSyncRequestIsOneTraceThroughTheBrokerAndFanvue() throws InterruptedException {
        String creator = VaultWorld.create().creatorIds.get(0).toString();
        spans.reset();
        String callersTrace = hex(16);

        TestUsers.AGENCY_MEMBER
                .request()
                .header("traceparent", "00-" + callersTrace + "-" + hex(8) + "-01")
                .contentType(ContentType.JSON)
                .body(Map.of("modelId", creator))
                .post("/api/vault/sync-fanvue")
                .then()
                .statusCode(200);

        SpanData server = awaitSpan(SpanKind.SERVER, "/api/vault/sync-fanvue");
        String trace = server.getTraceId();
        assertThat(trace).as("the caller's trace is followed").isEqualTo(callersTrace);
        SpanData broker = awaitSpan(SpanKind.CLIENT, "/internal/v1/fanvue-tokens");
        SpanData fanvue = awaitSpan(SpanKind.CLIENT, SimulatorAdmin.baseUrl());
        assertThat(broker.getTraceId()).isEqualTo(trace);
        assertThat(fanvue.getTraceId()).isEqualTo(trace);

        WireMock brokerStub = new WireMock("localhost", Integer.getInteger("onyx.test.token-broker-stub.port"));
        assertThat(brokerStub.find(postRequestedFor(urlEqualTo("/internal/v1/fanvue-tokens"))))
                .isNotEmpty()
                .allSatisfy(
                        request -> assertThat(request.getHeader("traceparent")).contains(trace));
    }

    /** Waits (bounded) for a finished span of the kind whose name or URL contains {@code text}. */
    private SpanData awaitSpan(SpanKind kind, String text) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Optional<SpanData> found = find(spans.getFinishedSpanItems(), kind, text);
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No " + kind + " span for " + text + " among " + spans.getFinishedSpanItems());
    }

    private static Optional<SpanData> find(List<SpanData> finished, SpanKind kind, String text) {
        return finished.stream()
                .filter(span -> span.getKind() == kind)
                .filter(span -> span.getName().contains(text)
                        || Optional.ofNullable(span.getAttributes().get(URL))
                                .orElse("")
                                .contains(text))
                .findFirst();
    }

    /** {@code bytes} random bytes in lower-case hex: a W3C trace or parent id. */
    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** The exporter the test reads; Quarkus exports to any SpanExporter bean. */
    @Singleton
    static class Exporter {
        @Produces
        @Singleton
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }
}
