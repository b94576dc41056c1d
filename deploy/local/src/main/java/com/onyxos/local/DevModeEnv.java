package com.onyxos.local;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code ./run-local env SERVICE}: the stack's configuration of one service as environment variables, so that the
 * service started with {@code quarkus:dev} in its place (after {@code ./run-local --without SERVICE}) behaves like the
 * stack's own instance: same port, database, issuer, Fanvue simulator, keys and service token.
 */
final class DevModeEnv {

    private DevModeEnv() {}

    /** The configuration the stack gives {@code service}. */
    static Map<String, String> of(String service, StackConfig config, LocalSecrets secrets, String serviceToken) {
        return switch (service) {
            case "auth-service" -> ServiceConfigs.auth(config, secrets);
            case "vault-sync-service" -> ServiceConfigs.vault(config, serviceToken);
            case "stats-service" -> ServiceConfigs.stats(config, serviceToken);
            case "fanvue-simulator" -> ServiceConfigs.simulator(config, secrets);
            default ->
                throw new IllegalArgumentException("Unknown service " + service + ": use one of "
                        + String.join(", ", LocalStack.SERVICES) + ", " + LocalStack.SIMULATOR);
        };
    }

    /** {@code export NAME='value'} lines (MicroProfile Config's environment variable names). */
    static String exports(Map<String, String> properties) {
        return properties.entrySet().stream()
                .map(entry -> "export " + name(entry.getKey()) + "='"
                        + entry.getValue().replace("'", "'\\''") + "'")
                .collect(Collectors.joining("\n"));
    }

    /** {@code quarkus.oidc.auth-server-url} → {@code QUARKUS_OIDC_AUTH_SERVER_URL}. */
    static String name(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
