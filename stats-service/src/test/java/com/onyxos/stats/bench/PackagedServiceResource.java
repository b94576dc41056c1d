package com.onyxos.stats.bench;

import com.onyxos.common.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the packaged service (prod profile) needs beyond the database to start for the read benchmark: it trusts
 * tokens signed by the test key (its public half, as {@code quarkus.oidc.public-key} instead of the issuer's
 * discovery document and key set: the same RS256 check per token), a broker address and service token it never
 * uses, and figures that stay fresh for the whole run (no background refresh, which has its own benchmark).
 */
public class PackagedServiceResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.auth-server-url", "",
                "quarkus.oidc.public-key", publicKey(),
                "quarkus.oidc.token.issuer", TestTokens.ISSUER,
                "quarkus.rest-client.token-broker.url", "http://localhost:9",
                "onyx.service-auth.token", "benchmark-unused",
                "onyx.stats.stale-after", "1h",
                "quarkus.scheduler.enabled", "false");
    }

    @Override
    public void stop() {
        // Nothing started.
    }

    private static String publicKey() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/onyx-test-keys/public.b64")) {
            if (in == null) {
                throw new IllegalStateException("Missing test key /onyx-test-keys/public.b64");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
