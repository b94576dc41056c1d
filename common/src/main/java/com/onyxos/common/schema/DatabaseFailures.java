package com.onyxos.common.schema;

import java.net.ConnectException;
import java.sql.SQLException;
import org.hibernate.exception.JDBCConnectionException;

/** Tells a database that cannot be reached apart from every other failure. */
public final class DatabaseFailures {

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
}
