package com.onyxos.common.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The database URL a developer or CI passes in is understood in its common spellings. */
class TestDatabaseTest {

    @Test
    void libpqUriWithCredentialsIsParsed() {
        TestDatabase.Coordinates db = TestDatabase.parse("postgresql://onyx:s%40cret@db.local:6543/onyx_ci");
        assertEquals(new TestDatabase.Coordinates("db.local", 6543, "onyx_ci", "onyx", "s@cret"), db);
        assertEquals("jdbc:postgresql://db.local:6543/onyx_ci", db.jdbcUrl());
        assertEquals("postgresql://db.local:6543/onyx_ci", db.reactiveUrl());
    }

    @Test
    void jdbcPrefixAndDefaultsAreAccepted() {
        assertEquals(
                new TestDatabase.Coordinates("localhost", 5432, "postgres", "postgres", ""),
                TestDatabase.parse("jdbc:postgresql://localhost"));
    }

    @Test
    void otherSchemesAreRefusedWithTheVariableName() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TestDatabase.parse("mysql://localhost/onyx"));
        assertEquals(true, e.getMessage().contains(TestDatabase.URL_VARIABLE));
    }
}
