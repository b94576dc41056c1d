package com.onyxos.stats.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Fanvue stood in by WireMock, for tests that need an exact answer shape (a null, a missing field, a wrong type, a
 * reset connection) the simulator does not produce. Driven over WireMock's admin API.
 */
public class WireMockFanvue implements QuarkusTestResourceLifecycleManager {

    private static final String PORT_PROPERTY = "onyx.test.wiremock-fanvue.port";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options()
                .dynamicPort()
                .containerThreads(64)
                .asynchronousResponseEnabled(true));
        server.start();
        System.setProperty(PORT_PROPERTY, String.valueOf(server.port()));
        return Map.of("onyx.fanvue.api-base-url", server.baseUrl(), "onyx.fanvue.auth-base-url", server.baseUrl());
    }

    @Override
    public void stop() {
        server.stop();
    }

    /** WireMock's admin client for the stand-in. */
    public static WireMock admin() {
        return new WireMock("localhost", Integer.parseInt(System.getProperty(PORT_PROPERTY)));
    }
}
