package com.onyxos.common.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Points the service's OIDC at a {@link StubIdentityProvider} on a reserved loopback port, instead of the test
 * public key, and leaves the provider down: the test starts and stops it ({@link #port()}).
 */
public class StubIdentityProviderResource implements QuarkusTestResourceLifecycleManager {

    private static final String PORT_PROPERTY = "onyx.test.identity-provider.port";

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty(PORT_PROPERTY, Integer.toString(port));
        return Map.of(
                "quarkus.oidc.auth-server-url",
                StubIdentityProvider.authServerUrl(port),
                "quarkus.oidc.public-key",
                "",
                "quarkus.oidc.token.issuer",
                TestTokens.ISSUER);
    }

    /** The port the provider must listen on. */
    public static int port() {
        return Integer.parseInt(System.getProperty(PORT_PROPERTY));
    }

    @Override
    public void stop() {
        System.clearProperty(PORT_PROPERTY);
    }
}
