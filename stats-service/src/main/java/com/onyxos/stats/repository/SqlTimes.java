package com.onyxos.stats.repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants to and from the reactive PostgreSQL client (timestamptz is an OffsetDateTime there). */
final class SqlTimes {

    private SqlTimes() {}

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
    }
}
