package com.onyxos.common.testing;

import com.onyxos.common.run.RunLeases;

/** The run-lease lock sessions of the test database: whether an owner's is held, and cutting it as a dead link would. */
public final class LeaseSessions {

    private LeaseSessions() {}

    /** Whether some session holds the lock of run-lease owner {@code owner}. */
    public static boolean held(String owner) {
        return "1".equals(TestDatabase.text("select count(*) where " + RunLeases.lockHeld(quoted(owner))));
    }

    /** Terminates the backend holding {@code owner}'s lock (its process lives on); answers how many were cut. */
    public static long cut(String owner) {
        return Long.parseLong(TestDatabase.text("select count(pg_terminate_backend(pid)) from pg_locks"
                + " where locktype = 'advisory' and objsubid = 2 and classid = " + RunLeases.LOCK_NAMESPACE
                + " and objid = hashtext(" + quoted(owner) + ")::oid"));
    }

    private static String quoted(String owner) {
        return "'" + owner.replace("'", "''") + "'";
    }
}
