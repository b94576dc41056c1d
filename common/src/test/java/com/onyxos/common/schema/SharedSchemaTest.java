package com.onyxos.common.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.onyxos.common.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared migrations on a real PostgreSQL: they apply cleanly and the constraints hold what they promise. */
class SharedSchemaTest {

    /** Tables that belong to a user rather than to an agency. */
    private static final Set<String> USER_SCOPED = Set.of("mfa_factors", "mfa_recovery_codes", "mfa_steps");

    private static Flyway flyway;

    @BeforeAll
    static void migrate() {
        TestDatabase.Coordinates db = TestDatabase.get();
        flyway = Flyway.configure()
                .dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations("classpath:db/migration")
                .load();
        flyway.migrate();
    }

    @BeforeEach
    void clean() {
        TestDatabase.truncateAll();
    }

    @Test
    void migratingAgainChangesNothing() {
        assertEquals(0, flyway.migrate().migrationsExecuted);
        assertEquals(0, flyway.info().pending().length);
    }

    @Test
    void everyTenantTableCarriesAgencyId() throws SQLException {
        List<String> missing = new ArrayList<>();
        for (String table : tables()) {
            if (!USER_SCOPED.contains(table) && !table.equals("agencies") && !hasColumn(table, "agency_id")) {
                missing.add(table);
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void moneyIsBigintMinorUnitsAndTimesAreTimestamptz() throws SQLException {
        try (Connection c = TestDatabase.get().connect();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("""
                        select table_name || '.' || column_name,
                               case when data_type = 'ARRAY' then udt_name else data_type end
                        from information_schema.columns
                        where table_schema = current_schema()
                          and (column_name ~ '(amount|revenue|balance|gross|net)' or column_name ~ '_at$')
                        """)) {
            while (rows.next()) {
                String column = rows.getString(1);
                String type = rows.getString(2);
                String expected = column.endsWith("_at") ? "timestamp with time zone" : "bigint";
                // Running totals per source are kept as arrays of bigint minor units (_int8) beside the sources.
                assertEquals(expected, "_int8".equals(type) ? "bigint" : type, column);
            }
        }
    }

    @Test
    void theIndexesTheQueriesNeedExist() throws SQLException {
        assertIndex("content_assets", "UNIQUE INDEX", "(agency_id, fanvue_media_uuid)");
        assertIndex("content_assets", "INDEX", "(agency_id, created_at DESC, id DESC)");
        assertIndex("content_assets", "INDEX", "(model_id, status)");
        assertIndex("fanvue_transactions", "UNIQUE INDEX", "(model_id, transaction_date, dedup_key)");
        assertIndex("fanvue_transactions", "INDEX", "(agency_id, transaction_date, id)");
        assertIndex("earnings_daily", "UNIQUE INDEX", "(agency_id, day, model_id, source)");
        assertIndex("earnings_quarter_hours", "UNIQUE INDEX", "(agency_id, bucket, source)");
        assertIndex("earnings_quarter_hours", "INDEX", "(agency_id, source, bucket)");
        assertIndex("earnings_hours", "UNIQUE INDEX", "(agency_id, bucket)");
        assertIndex("earnings_hour_totals", "UNIQUE INDEX", "(agency_id, bucket)");
        assertIndex("earnings_creator_days", "UNIQUE INDEX", "(agency_id, model_id, day)");
        assertIndex("subscriber_history", "INDEX", "(agency_id, date)");
        assertIndex("tracking_links", "INDEX", "(agency_id, total_revenue)");
        assertIndex("subscriber_history", "UNIQUE INDEX", "(model_id, date)");
        assertIndex("models", "UNIQUE INDEX", "(agency_id, fanvue_user_uuid)");
        assertIndex("agency_fanvue_connections", "INDEX", "(status, token_expires_at)");
        assertIndex("sync_runs", "UNIQUE INDEX", "(model_id) WHERE (status = 'running'::text)");
        assertIndex("sync_runs", "INDEX", "(owner) WHERE (status = 'running'::text)");
        assertIndex("job_runs", "INDEX", "(owner) WHERE (status = 'running'::text)");
        assertIndex("job_runs", "INDEX", "(job, agency_id, started_at DESC)");
    }

    @Test
    void onlyOneSyncRunsPerCreatorAtATime() throws SQLException {
        try (Connection c = TestDatabase.get().connect()) {
            UUID agency = insertAgency(c);
            UUID creator = insertCreator(c, agency);
            String start = "insert into sync_runs (agency_id, model_id, trigger) values (?, ?, 'manual') returning id";
            UUID first = queryUuid(c, start, agency, creator);
            SQLException second = assertThrows(SQLException.class, () -> queryUuid(c, start, agency, creator));
            assertEquals("23505", second.getSQLState());

            execute(c, "update sync_runs set status = 'succeeded', finished_at = now() where id = ?", first);
            queryUuid(c, start, agency, creator); // The creator may sync again once the first run is over.
        }
    }

    @Test
    void onlyOneJobRunPerJobAndAgencyAtATimeAndAClusterWideJobIsAScopeOfItsOwn() throws SQLException {
        try (Connection c = TestDatabase.get().connect()) {
            UUID agency = insertAgency(c);
            String start = "insert into job_runs (job, agency_id, trigger, owner) values (?, ?, 'test', 'o')"
                    + " returning id";
            queryUuid(c, start, "daily-refresh", null);
            queryUuid(c, start, "daily-refresh", agency);
            queryUuid(c, start, "revenue-heartbeat", null);
            for (UUID scope : new UUID[] {null, agency}) {
                SQLException second =
                        assertThrows(SQLException.class, () -> queryUuid(c, start, "daily-refresh", scope));
                assertEquals("23505", second.getSQLState());
            }
            assertCheckViolation(c, "insert into job_runs (job, trigger, owner) values ('Bad Name', 't', 'o')");
            assertCheckViolation(c, "insert into job_runs (job, trigger, owner, counts) values ('j', 't', 'o', '[]')");
        }
    }

    @Test
    void aCreatorsRowsCannotBelongToAnotherAgency() throws SQLException {
        try (Connection c = TestDatabase.get().connect()) {
            UUID agencyA = insertAgency(c);
            UUID agencyB = insertAgency(c);
            UUID creatorOfA = insertCreator(c, agencyA);
            SQLException crossTenant = assertThrows(SQLException.class, () -> execute(c, """
                insert into content_assets (agency_id, model_id, fanvue_media_uuid, file_name, media_type,
                                            created_at)
                values (?, ?, gen_random_uuid(), 'a.jpg', 'image', now())
                """, agencyB, creatorOfA));
            assertEquals("23503", crossTenant.getSQLState());
        }
    }

    @Test
    void earningsRowsCannotBelongToAnotherAgencyAndGoWithTheirCreator() throws SQLException {
        // fanvue_transactions checks its tenant per statement (V9) instead of per row: the same guarantee.
        String insert = "insert into fanvue_transactions (agency_id, model_id, transaction_order_id, dedup_key,"
                + " transaction_type, transaction_date, gross_amount, net_amount) values (?, ?, 'o1', ?, 'tip', now(),"
                + " 100, 80)";
        try (Connection c = TestDatabase.get().connect()) {
            UUID agencyA = insertAgency(c);
            UUID agencyB = insertAgency(c);
            UUID creatorOfA = insertCreator(c, agencyA);
            SQLException crossTenant =
                    assertThrows(SQLException.class, () -> execute(c, insert, agencyB, creatorOfA, "k1"));
            assertEquals("23503", crossTenant.getSQLState());
            execute(c, insert, agencyA, creatorOfA, "k2");
            SQLException moved = assertThrows(
                    SQLException.class, () -> execute(c, "update fanvue_transactions set agency_id = ?", agencyB));
            assertEquals("23503", moved.getSQLState());

            execute(c, "delete from models where id = ?", creatorOfA);
            try (Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("select count(*) from fanvue_transactions")) {
                rows.next();
                assertEquals(0, rows.getInt(1));
            }
        }
    }

    @Test
    void oneForeignRowFailsAStatementOfManyCreatorsAndTheCreatorsWrittenStayLockedUntilCommit() throws SQLException {
        // V11 checks a statement's distinct (creator, agency) pairs: one row of another agency among valid rows of two
        // creators fails the whole statement; valid rows lock their creators FOR KEY SHARE until the commit.
        String insert = "insert into fanvue_transactions (agency_id, model_id, transaction_order_id, dedup_key,"
                + " transaction_type, transaction_date, gross_amount, net_amount) values (?, ?, 'o1', 'k1', 'tip',"
                + " now(), 100, 80), (?, ?, 'o2', 'k2', 'tip', now(), 100, 80), (?, ?, 'o3', 'k3', 'tip', now(), 1, 1)";
        try (Connection c = TestDatabase.get().connect();
                Connection other = TestDatabase.get().connect()) {
            UUID agencyA = insertAgency(c);
            UUID agencyB = insertAgency(c);
            UUID first = insertCreator(c, agencyA);
            UUID second = insertCreator(c, agencyA);
            SQLException mixed = assertThrows(
                    SQLException.class, () -> execute(c, insert, agencyA, first, agencyA, second, agencyB, second));
            assertEquals("23503", mixed.getSQLState());

            c.setAutoCommit(false);
            execute(c, insert, agencyA, first, agencyA, second, agencyA, first);
            SQLException locked = assertThrows(
                    SQLException.class,
                    () -> queryUuid(other, "select id from models where id = ? for update nowait", second));
            assertEquals("55P03", locked.getSQLState());
            c.commit();
            assertEquals(second, queryUuid(other, "select id from models where id = ? for update nowait", second));
            try (Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("select count(*) from fanvue_transactions where model_id in ('"
                            + first + "', '" + second + "')")) {
                rows.next();
                assertEquals(3, rows.getInt(1));
            }
            c.commit();
        }
    }

    @Test
    void checkConstraintsRejectImpossibleValues() throws SQLException {
        try (Connection c = TestDatabase.get().connect()) {
            UUID agency = insertAgency(c);
            assertCheckViolation(
                    c,
                    "insert into agency_members (agency_id, user_sub, role, added_by) values (?, 'u', 'owner', 't')",
                    agency);
            assertCheckViolation(c, "insert into agencies (name, created_by) values ('   ', 't')");
            UUID creator = insertCreator(c, agency);
            assertCheckViolation(
                    c,
                    "insert into subscriber_history (agency_id, model_id, date, total) values (?, ?, current_date, -1)",
                    agency,
                    creator);
            assertCheckViolation(
                    c,
                    "insert into fanvue_transactions (agency_id, model_id, transaction_order_id, dedup_key, "
                            + "transaction_type, transaction_date, gross_amount, net_amount, currency) "
                            + "values (?, ?, 'o1', 'o1', 'tip', now(), 100, 80, 'usd')",
                    agency,
                    creator);
        }
    }

    private static void assertIndex(String table, String kind, String columns) throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (Connection c = TestDatabase.get().connect();
                PreparedStatement s = c.prepareStatement("select indexdef from pg_indexes where tablename = ?")) {
            s.setString(1, table);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    definitions.add(rows.getString(1));
                }
            }
        }
        assertTrue(
                definitions.stream().anyMatch(d -> d.startsWith("CREATE " + kind) && d.endsWith(columns)),
                table + " needs " + kind + " " + columns + ", has " + definitions);
    }

    private static void assertCheckViolation(Connection c, String sql, Object... args) {
        SQLException e = assertThrows(SQLException.class, () -> execute(c, sql, args));
        assertEquals("23514", e.getSQLState(), e.getMessage());
    }

    private static List<String> tables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = TestDatabase.get().connect();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select tablename from pg_tables where schemaname = current_schema() "
                        + "and tablename <> 'flyway_schema_history'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        assertTrue(tables.size() >= 18, "tables: " + tables);
        return tables;
    }

    private static boolean hasColumn(String table, String column) throws SQLException {
        try (Connection c = TestDatabase.get().connect();
                PreparedStatement s = c.prepareStatement(
                        "select 1 from information_schema.columns where table_schema = current_schema() "
                                + "and table_name = ? and column_name = ?")) {
            s.setString(1, table);
            s.setString(2, column);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static UUID insertAgency(Connection c) throws SQLException {
        return queryUuid(c, "insert into agencies (name, created_by) values ('Agency', 'test') returning id");
    }

    private static UUID insertCreator(Connection c, UUID agency) throws SQLException {
        return queryUuid(
                c,
                "insert into models (agency_id, fanvue_user_uuid, handle) values (?, gen_random_uuid(), 'c') "
                        + "returning id",
                agency);
    }

    private static UUID queryUuid(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, args);
                ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getObject(1, UUID.class);
        }
    }

    private static void execute(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, args)) {
            s.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
        return s;
    }
}
