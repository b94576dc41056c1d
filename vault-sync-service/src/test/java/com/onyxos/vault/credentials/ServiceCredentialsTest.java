package com.onyxos.vault.credentials;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.onyxos.common.broker.FanvueTokenBrokerClient;
import com.onyxos.common.broker.ServiceCredentials;
import com.onyxos.common.broker.ServiceCredentialsRejectedException;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TestIssuer;
import com.onyxos.common.testing.TestIssuer.IssuedToken;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The broker call with OAuth client credentials against a test issuer (WireMock's token endpoint handing out tokens
 * signed by the test key): the token is fetched with the client's id and secret, shared while it has time left,
 * replaced before it expires, fetched once for many callers, and renewed once when the broker refuses it.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(TestIssuer.class)
class ServiceCredentialsTest {

    private static final String BROKER = "/internal/v1/fanvue-tokens";
    private static final UUID AGENCY = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    /** The skew configured in application.properties: a token with less left than this is replaced. */
    private static final Duration SKEW = Duration.ofSeconds(60);

    @Inject
    FanvueTokenBrokerClient broker;

    @Inject
    ServiceCredentials credentials;

    @Test
    void theBrokerCallCarriesTheIssuersTokenForThisClient() {
        IssuedToken token = TestIssuer.serviceToken(Duration.ofHours(1));
        startWith(token);
        brokerAccepts(token);

        FanvueTokenBrokerClient.BrokeredAccess access = call();

        assertThat(access.accessToken()).isEqualTo("fanvue-access-for-" + tail(token));
        assertThat(bearersSeenByBroker()).containsExactly(token.value());
        // The token in hand, fetched with this client's id and secret (the stub answers nothing else), is reused.
        assertThat(TestIssuer.grants()).isZero();
    }

    @Test
    void aTokenWithTimeLeftIsSharedAndOneInsideTheSkewIsReplacedBeforeItExpires() {
        // Still valid for 30 s, but that is inside the 60 s skew: the next call must not carry it.
        IssuedToken expiringSoon = TestIssuer.serviceToken(SKEW.minusSeconds(30));
        IssuedToken fresh = TestIssuer.serviceToken(Duration.ofHours(1));
        startWith(expiringSoon, fresh);
        brokerAccepts(expiringSoon, fresh);

        call();
        call();
        call();

        assertThat(TestIssuer.grants()).isEqualTo(1);
        assertThat(bearersSeenByBroker()).containsExactly(fresh.value(), fresh.value(), fresh.value());
    }

    @Test
    void manyCallersAtOnceCauseOneGrant() {
        IssuedToken expiringSoon = TestIssuer.serviceToken(Duration.ofSeconds(5));
        IssuedToken fresh = TestIssuer.serviceToken(Duration.ofHours(1));
        startWith(expiringSoon, fresh);
        brokerAccepts(fresh);

        List<CompletableFuture<FanvueTokenBrokerClient.BrokeredAccess>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(broker.token(AGENCY, null, null, null).subscribeAsCompletionStage());
        }
        calls.forEach(CompletableFuture::join);

        assertThat(TestIssuer.grants()).isEqualTo(1);
        assertThat(bearersSeenByBroker()).hasSize(20).containsOnly(fresh.value());
    }

    @Test
    void aTokenTheBrokerRefusesIsRenewedOnceAndTheCallSucceeds() {
        IssuedToken revoked = TestIssuer.serviceToken(Duration.ofHours(1));
        IssuedToken replacement = TestIssuer.serviceToken(Duration.ofHours(1));
        startWith(revoked, replacement);
        brokerAccepts(replacement);

        FanvueTokenBrokerClient.BrokeredAccess access = call();

        assertThat(access.accessToken()).isEqualTo("fanvue-access-for-" + tail(replacement));
        assertThat(TestIssuer.grants()).isEqualTo(1);
        assertThat(bearersSeenByBroker()).containsExactly(revoked.value(), replacement.value());
    }

    @Test
    void credentialsTheBrokerKeepsRefusingFailWithoutALoop() {
        startWith(TestIssuer.serviceToken(Duration.ofHours(1)), TestIssuer.serviceToken(Duration.ofHours(1)));
        brokerAccepts();

        assertThatThrownBy(this::call).isInstanceOf(ServiceCredentialsRejectedException.class);

        // One renewal per refused call (the client's own retries are for an unreachable broker, not for a 401).
        assertThat(TestIssuer.grants()).isEqualTo(1);
        assertThat(bearersSeenByBroker()).hasSize(2);
    }

    @Test
    void anIssuerRefusingTheClientMeansTheBrokerIsNeverCalled() {
        TestIssuer.issue(List.of());
        brokerAccepts();

        assertThatThrownBy(() -> credentials.renewedBearer().await().atMost(Duration.ofSeconds(10)))
                .hasMessageNotContaining(TestIssuer.CLIENT_SECRET);
        assertThatThrownBy(this::call).hasMessageNotContaining(TestIssuer.CLIENT_SECRET);
        assertThat(bearersSeenByBroker()).isEmpty();
    }

    /** The issuer hands out these tokens in order, and the service holds the first of them. */
    private void startWith(IssuedToken... tokens) {
        TestIssuer.issue(List.of(tokens));
        assertThat(credentials.renewedBearer().await().atMost(Duration.ofSeconds(10)))
                .isEqualTo(tokens[0].value());
        TestIssuer.admin().resetRequests();
    }

    /** The broker answers requests bearing these tokens, and refuses any other with 401 (as auth-service does). */
    private static void brokerAccepts(IssuedToken... tokens) {
        WireMock admin = TestIssuer.admin();
        admin.register(post(urlEqualTo(BROKER))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":401,\"code\":\"unauthenticated\"}")));
        for (IssuedToken token : tokens) {
            admin.register(post(urlEqualTo(BROKER))
                    .atPriority(1)
                    .withHeader("Authorization", equalTo("Bearer " + token.value()))
                    .willReturn(okJson("{\"accessToken\":\"fanvue-access-for-" + tail(token) + "\",\"expiresAt\":\""
                            + Instant.now().plusSeconds(3600) + "\",\"source\":\"agency\",\"fanvueUserId\":\""
                            + UUID.randomUUID() + "\"}")));
        }
    }

    private FanvueTokenBrokerClient.BrokeredAccess call() {
        return broker.token(AGENCY, null, null, null).await().atMost(Duration.ofSeconds(20));
    }

    private static List<String> bearersSeenByBroker() {
        return TestIssuer.admin().find(postRequestedFor(urlEqualTo(BROKER))).stream()
                .map(LoggedRequest::getHeaders)
                .map(headers -> headers.getHeader("Authorization").firstValue().substring("Bearer ".length()))
                .toList();
    }

    private static String tail(IssuedToken token) {
        return token.value().substring(token.value().length() - 12);
    }
}
