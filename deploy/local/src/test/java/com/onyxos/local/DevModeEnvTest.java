package com.onyxos.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ./run-local env SERVICE}: the stack's config of a service as the environment of its dev-mode stand-in. */
class DevModeEnvTest {

    private final StackConfig config = StackConfig.defaults(Path.of("/repo"));
    private final LocalSecrets secrets = new LocalSecrets("a2V5", "abc123");

    @Test
    void propertiesBecomeMicroProfileEnvironmentNames() {
        assertThat(DevModeEnv.name("quarkus.oidc.auth-server-url")).isEqualTo("QUARKUS_OIDC_AUTH_SERVER_URL");
        assertThat(DevModeEnv.name("onyx.fanvue-connect.redirect-uri")).isEqualTo("ONYX_FANVUE_CONNECT_REDIRECT_URI");
    }

    @Test
    void theExportsAreTheStacksConfigOfThatService() {
        Map<String, String> vault = DevModeEnv.of("vault-sync-service", config, secrets, "tok'en");

        assertThat(vault).isEqualTo(ServiceConfigs.vault(config, "tok'en"));
        String exports = DevModeEnv.exports(vault);
        assertThat(exports)
                .contains("export QUARKUS_HTTP_PORT='8082'")
                .contains("export QUARKUS_OIDC_AUTH_SERVER_URL='http://127.0.0.1:8080/issuer'")
                .contains("export ONYX_SERVICE_AUTH_TOKEN='tok'\\''en'");
        assertThat(DevModeEnv.of("auth-service", config, secrets, "t")).isEqualTo(ServiceConfigs.auth(config, secrets));
    }

    @Test
    void anUnknownServiceIsNamed() {
        assertThatThrownBy(() -> DevModeEnv.of("billing", config, secrets, "t"))
                .hasMessageContaining("Unknown service billing");
    }
}
