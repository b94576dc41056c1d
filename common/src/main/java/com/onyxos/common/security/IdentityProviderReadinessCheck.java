package com.onyxos.common.security;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the OIDC provider answers its discovery document: without it no new token can be checked, and
 * every authenticated request answers 503. Probes the provider itself (rather than waiting for a request to fail),
 * so a pod taken out of service during an outage comes back when the provider does. UP with {@code mode: public-key}
 * where the service checks tokens against a configured key and needs no provider.
 */
@Readiness
@ApplicationScoped
public class IdentityProviderReadinessCheck implements AsyncHealthCheck {

    static final String NAME = "Identity provider";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final Optional<String> issuer;
    private final WebClient web;

    public IdentityProviderReadinessCheck(
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> issuer, Vertx vertx) {
        this.issuer = issuer.filter(url -> !url.isBlank()).map(url -> url.replaceAll("/+$", ""));
        this.web = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setConnectTimeout((int) PROBE_TIMEOUT.toMillis())
                        .setFollowRedirects(false));
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (issuer.isEmpty()) {
            return Uni.createFrom()
                    .item(HealthCheckResponse.named(NAME)
                            .up()
                            .withData("mode", "public-key")
                            .build());
        }
        String discovery = issuer.get() + "/.well-known/openid-configuration";
        return web.getAbs(discovery)
                .timeout(PROBE_TIMEOUT.toMillis())
                .send()
                .map(response -> response.statusCode() == 200
                        ? HealthCheckResponse.named(NAME).up().build()
                        : down("discovery answered HTTP " + response.statusCode()))
                .onFailure()
                .recoverWithItem(failure -> down("unreachable"));
    }

    private HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named(NAME)
                .down()
                .withData("issuer", issuer.orElse(""))
                .withData("reason", reason)
                .build();
    }

    @PreDestroy
    void close() {
        web.close();
    }
}
