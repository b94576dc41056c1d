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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One vault sync request is one trace: the server span, the broker call (REST client) and the Fanvue reads (the
 * Fanvue client's Vert.x WebClient) are its children, and the trace context travels to the broker.
 */
@QuarkusTest
@TestProfile(TracingTest.Sampled.class)
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

        TestUsers.AGENCY_MEMBER
                .request()
                .contentType(ContentType.JSON)
                .body(Map.of("modelId", creator))
                .post("/api/vault/sync-fanvue")
                .then()
                .statusCode(200);

        SpanData server = awaitSpan(SpanKind.SERVER, "/api/vault/sync-fanvue");
        String trace = server.getTraceId();
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

    /** Every new trace sampled (production's default samples none), exported to memory. */
    public static class Sampled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.traces.sampler.arg", "1");
        }
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
