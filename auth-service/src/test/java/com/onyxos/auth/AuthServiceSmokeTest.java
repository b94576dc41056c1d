package com.onyxos.auth;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.ServiceSmokeTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * auth-service starts on the shared schema and meets the platform's health, security and error contracts.
 * The assertions are inherited from {@link ServiceSmokeTest}.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
class AuthServiceSmokeTest extends ServiceSmokeTest {}
