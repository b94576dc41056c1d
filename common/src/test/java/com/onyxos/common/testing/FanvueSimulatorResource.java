package com.onyxos.common.testing;

import com.onyxos.simulator.FanvueSimulator;
import com.onyxos.simulator.SimulatorSettings;
import com.onyxos.simulator.oauth.OAuthClient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;

/**
 * Starts the Fanvue simulator in-process, once per test JVM, and points the service's Fanvue client and OAuth
 * settings at it. Tests drive it through {@link SimulatorAdmin} (its admin HTTP API), which works whatever class
 * loader the test runs in. Consumers declare {@code fanvue-simulator} as a test dependency.
 */
public class FanvueSimulatorResource implements QuarkusTestResourceLifecycleManager {

    /** The OAuth client registered at the simulator for tests. */
    public static final String CLIENT_ID = "onyx-test-client";

    public static final String CLIENT_SECRET = "onyx-test-secret";

    /** The redirect URI registered for {@link #CLIENT_ID}: the dashboard page that hands code and state to us. */
    public static final String REDIRECT_URI = "https://dashboard.onyx.test/fanvue/callback";

    static final String URL_PROPERTY = "onyx.test.fanvue-simulator.url";

    /** System property: the simulator's requests per rate-limit window per bucket, for benchmarks (default 200). */
    public static final String RATE_LIMIT_PROPERTY = "onyx.test.fanvue-simulator.rate-limit";

    private static FanvueSimulator simulator;

    @Override
    public Map<String, String> start() {
        String url = ensureStarted();
        return Map.of(
                "onyx.fanvue.api-base-url", url,
                "onyx.fanvue.auth-base-url", url,
                "onyx.fanvue.client-id", CLIENT_ID,
                "onyx.fanvue.client-secret", CLIENT_SECRET,
                "onyx.fanvue-connect.redirect-uri", REDIRECT_URI);
    }

    /** The simulator's base URL, starting it if this JVM has none yet. */
    public static synchronized String ensureStarted() {
        String running = System.getProperty(URL_PROPERTY);
        if (running != null) {
            return running;
        }
        SimulatorSettings settings = SimulatorSettings.defaults()
                .withClients(List.of(new OAuthClient(CLIENT_ID, CLIENT_SECRET, List.of(REDIRECT_URI))));
        // Benchmarks that measure our side alone lift Fanvue's 200 requests per 60 s (never the normal tests).
        Integer capacity = Integer.getInteger(RATE_LIMIT_PROPERTY);
        simulator = FanvueSimulator.start(capacity == null ? settings : settings.withRateLimitCapacity(capacity));
        System.setProperty(URL_PROPERTY, simulator.baseUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "fanvue-simulator-stop"));
        return simulator.baseUrl();
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; stopped by the shutdown hook.
    }
}
