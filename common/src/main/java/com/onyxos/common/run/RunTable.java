package com.onyxos.common.run;

import io.vertx.pgclient.PgException;
import java.util.regex.Pattern;

/**
 * A table of runs that {@link RunLeases} manages. It has the columns {@code id uuid}, {@code status text}
 * ({@code 'running'} until it ends; a dead run is set to {@code 'failed'}), {@code owner text},
 * {@code heartbeat_at timestamptz}, {@code finished_at timestamptz}, {@code errors text[]}, {@code message text} and
 * {@code closed_by text}, and a partial unique index over its scope {@code where status = 'running'}.
 *
 * @param name the table
 * @param oneRunningIndex the partial unique index that lets one run per scope be running
 */
public record RunTable(String name, String oneRunningIndex) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public RunTable {
        if (!IDENTIFIER.matcher(name).matches()
                || !IDENTIFIER.matcher(oneRunningIndex).matches()) {
            throw new IllegalArgumentException("table and index must be plain lower-case SQL identifiers");
        }
    }

    /** Whether {@code failure} is the insert of a second running run of one scope. */
    boolean alreadyRunning(Throwable failure) {
        return failure instanceof PgException pg && oneRunningIndex.equals(pg.getConstraint());
    }
}
