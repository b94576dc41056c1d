package com.onyxos.common.schema;

import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;

/** Tells a database that cannot be reached, and text it cannot store, apart from every other failure. */
public final class DatabaseFailures {

    /** SQLSTATEs of text PostgreSQL refuses to store: a NUL byte (22021), a {@code \\u0000} in JSON (22P05). */
    private static final Set<String> UNSTORABLE_TEXT = Set.of("22021", "22P05");

    private DatabaseFailures() {}

    /** Whether the failure, or one of its causes, is a database that could not be reached. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof JDBCConnectionException) {
                return true;
            }
            // SQLSTATE class 08: connection exception.
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the failure, or one of its causes, is PostgreSQL refusing a value as text it cannot store (a NUL
     * character): the request's fault, which validation should have caught.
     */
    public static boolean isUnstorableText(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = t instanceof SQLException sql
                    ? sql.getSQLState()
                    : t instanceof PgException pg ? pg.getSqlState() : null;
            if (state != null && UNSTORABLE_TEXT.contains(state)) {
                return true;
            }
        }
        return false;
    }
}
