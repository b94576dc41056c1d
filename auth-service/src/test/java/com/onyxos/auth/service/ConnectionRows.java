package com.onyxos.auth.service;

import com.onyxos.auth.rest.FanvueConnectFlow;
import com.onyxos.common.testing.SimulatorAdmin;
import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestUsers;

/** The broker tests' direct reads and writes of {@code agency_fanvue_connections}. */
final class ConnectionRows {

    private ConnectionRows() {}

    static void execute(String sql) {
        TestDatabase.execute(sql);
    }

    static String single(String sql) {
        return TestDatabase.text(sql);
    }

    /** Connects agency A's admin, then makes the token an hour-long one with a minute left (inside its margin). */
    static void connectAgencyAndExpireSoon() {
        FanvueConnectFlow.connect(TestUsers.AGENCY_ADMIN, "agency", null);
        execute("update agency_fanvue_connections set token_expires_at = now() + interval '1 minute',"
                + " token_issued_at = now() - interval '59 minutes'");
        SimulatorAdmin.clearJournal();
    }

    /** Kills the database session of the run-lease owner {@code owner} (its lock session), as a cut connection. */
    static void cutLockSession(String owner) {
        com.onyxos.common.testing.LeaseSessions.cut(owner);
    }

    /** Whether a refresh token is presented right now (sent, not yet answered and stored). */
    static boolean presented() {
        return "t".equals(single("select refresh_presented_at is not null from agency_fanvue_connections"));
    }
}
