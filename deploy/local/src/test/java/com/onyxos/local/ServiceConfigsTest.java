package com.onyxos.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration generated for each child: what makes the services find each other and trust the issuer. */
class ServiceConfigsTest {

    private final StackConfig config =
            StackConfig.defaults(Path.of("/repo")).withPorts(new Ports(9080, 9081, 9082, 9083, 9090, 59329));
    private final LocalSecrets secrets = new LocalSecrets("a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=", "s3cret");

    @Test
    void everyServiceTrustsTheLocalIssuerOnlyAndUsesTheStacksDatabaseWithoutMigrating() {
        for (Map<String, String> service : Map.of(
                        "auth", ServiceConfigs.auth(config, secrets),
                        "vault", ServiceConfigs.vault(config, "service-token"),
                        "stats", ServiceConfigs.stats(config, "service-token"))
                .values()) {
            assertThat(service)
                    .containsEntry("quarkus.oidc.auth-server-url", "http://127.0.0.1:9080/issuer")
                    .containsEntry("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:59329/onyx")
                    .containsEntry("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:59329/onyx")
                    .containsEntry("quarkus.flyway.migrate-at-start", "false")
                    .containsEntry("quarkus.http.host", "127.0.0.1")
                    .containsEntry("onyx.fanvue.api-base-url", "http://127.0.0.1:9090")
                    .containsEntry("onyx.fanvue.auth-base-url", "http://127.0.0.1:9090")
                    // Never the committed test key: the issuer's key set is fetched from the issuer.
                    .doesNotContainKeys("quarkus.oidc.public-key", "quarkus.oidc.token.issuer");
        }
        assertThat(ServiceConfigs.auth(config, secrets)).containsEntry("quarkus.http.port", "9081");
        assertThat(ServiceConfigs.vault(config, "t")).containsEntry("quarkus.http.port", "9082");
        assertThat(ServiceConfigs.stats(config, "t")).containsEntry("quarkus.http.port", "9083");
    }

    @Test
    void theSimulatorRegistersExactlyTheRedirectUriAndClientAuthServiceUses() {
        Map<String, String> simulator = ServiceConfigs.simulator(config, secrets);
        Map<String, String> auth = ServiceConfigs.auth(config, secrets);

        assertThat(simulator)
                .containsEntry("quarkus.http.port", "9090")
                .containsEntry("simulator.oauth.redirect-uris", "http://localhost:9080/callback.html")
                .containsEntry("simulator.oauth.client-id", auth.get("onyx.fanvue.client-id"))
                .containsEntry("simulator.oauth.client-secret", auth.get("onyx.fanvue.client-secret"));
        assertThat(auth)
                .containsEntry("onyx.fanvue-connect.redirect-uri", "http://localhost:9080/callback.html")
                .containsEntry("onyx.fanvue.client-secret", "s3cret")
                .containsEntry("onyx.crypto.primary-key-id", "local")
                .containsEntry("onyx.crypto.keyring", "local:" + secrets.cryptoKey());
    }

    @Test
    void theSimulatorGetsTheWorldOfTheSettings() {
        Map<String, String> simulator =
                ServiceConfigs.simulator(config.with("simulator.world.creators-per-agency", "2"), secrets);

        assertThat(simulator)
                .containsEntry("simulator.world.creators-per-agency", "2")
                .containsEntry("simulator.world.days", "180")
                .containsEntry("simulator.seed", "42");
    }

    @Test
    void theBrokersCallersGetAuthServicesUrlAndTheStaticServiceToken() {
        for (Map<String, String> caller :
                new Map[] {ServiceConfigs.vault(config, "service-token"), ServiceConfigs.stats(config, "service-token")
                }) {
            assertThat(caller)
                    .containsEntry("quarkus.rest-client.token-broker.url", "http://127.0.0.1:9081")
                    .containsEntry("onyx.service-auth.method", "static-token")
                    .containsEntry("onyx.service-auth.token", "service-token");
        }
        assertThat(ServiceConfigs.auth(config, secrets)).doesNotContainKey("onyx.service-auth.token");
    }
}
