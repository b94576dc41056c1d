package com.onyxos.vault;

import com.onyxos.common.testing.DatabaseUnreachableProfile;
import com.onyxos.common.testing.DatabaseUnreachableTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * vault-sync-service starts without its database and reports it through readiness.
 * The assertions are inherited from {@link DatabaseUnreachableTest}.
 */
@QuarkusTest
@TestProfile(DatabaseUnreachableProfile.class)
class VaultSyncServiceDatabaseUnreachableTest extends DatabaseUnreachableTest {}
