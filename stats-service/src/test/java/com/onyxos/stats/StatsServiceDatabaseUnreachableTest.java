package com.onyxos.stats;

import com.onyxos.common.testing.DatabaseUnreachableProfile;
import com.onyxos.common.testing.DatabaseUnreachableTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * stats-service starts without its database and reports it through readiness.
 * The assertions are inherited from {@link DatabaseUnreachableTest}.
 */
@QuarkusTest
@TestProfile(DatabaseUnreachableProfile.class)
class StatsServiceDatabaseUnreachableTest extends DatabaseUnreachableTest {}
