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
        return Map.ofEntries(
                // The production variables the service refuses to start without (none is used by a read).
                Map.entry("ONYX_OIDC_ISSUER", "http://localhost:9/issuer"),
                Map.entry("ONYX_SERVICE_CLIENT_ID", "benchmark"),
                Map.entry("ONYX_SERVICE_CLIENT_SECRET", "unused"),
                // Tokens checked with the test key's public half instead of the issuer's discovery and key set.
                Map.entry("quarkus.oidc.auth-server-url", ""),
                Map.entry("quarkus.oidc.public-key", publicKey()),
                Map.entry("quarkus.oidc.token.issuer", TestTokens.ISSUER),
                Map.entry("onyx.service-auth.method", "static-token"),
                Map.entry("onyx.service-auth.token", "benchmark-unused"),
                Map.entry("quarkus.rest-client.token-broker.url", "http://localhost:9"),
                Map.entry("onyx.stats.stale-after", "1h"),
                Map.entry("quarkus.scheduler.enabled", "false"));
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
