package com.onyxos.common.fanvue;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the client tests that need exact fault shapes: {@code fanvue} is a WireMock server standing in for both
 * Fanvue's API and its OAuth server, and each test gets a fresh {@link ClientFixture} pointed at it.
 */
abstract class WireMockFanvueTest {

    @RegisterExtension
    static WireMockExtension fanvue = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    ClientFixture fixture;

    @BeforeEach
    void client() {
        fixture = new ClientFixture(fanvue.baseUrl());
    }

    @AfterEach
    void close() {
        fixture.close();
    }
}
