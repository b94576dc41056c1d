package com.onyxos.stats;

import com.onyxos.common.testing.IdentityProviderOutageTest;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.StubIdentityProviderResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * stats-service through an outage of its identity provider, checked against a real issuer URL. The assertions are
 * inherited from {@link IdentityProviderOutageTest}; the mechanism is common's, so one service proves it for all.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(StubIdentityProviderResource.class)
class StatsServiceIdentityProviderOutageTest extends IdentityProviderOutageTest {}
