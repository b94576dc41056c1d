package com.onyxos.common.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;

/** Gives every {@code @QuarkusTest} class an empty (but migrated) database; registered as a service provider. */
public class CleanDatabaseCallback implements QuarkusTestBeforeClassCallback {

    @Override
    public void beforeClass(Class<?> testClass) {
        if (TestDatabase.isStarted()) {
            TestDatabase.truncateAll();
        }
    }
}
