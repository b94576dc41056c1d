package com.onyxos.stats;

import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.ServiceSmokeTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * stats-service starts on the shared schema and meets the platform's health, security and error contracts.
 * The assertions are inherited from {@link ServiceSmokeTest}.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class StatsServiceSmokeTest extends ServiceSmokeTest {}
