package com.onyxos.common.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Creates the two agencies tests work with, straight in the database, with {@link TestUsers}' memberships. */
public final class TestTenants {

    private TestTenants() {}

    /**
     * Agency A: {@link TestUsers#AGENCY_ADMIN} (admin) and {@link TestUsers#AGENCY_MEMBER} (member). Agency B:
     * {@link TestUsers#OTHER_AGENCY_USER} (admin).
     */
    public static Tenants seed() {
        try (Connection connection = TestDatabase.get().connect()) {
            UUID agencyA = agency(connection, "Agency A");
            UUID agencyB = agency(connection, "Agency B");
            member(connection, agencyA, TestUsers.AGENCY_ADMIN, "admin");
            member(connection, agencyA, TestUsers.AGENCY_MEMBER, "member");
            member(connection, agencyB, TestUsers.OTHER_AGENCY_USER, "admin");
            return new Tenants(agencyA, agencyB);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not seed test agencies", e);
        }
    }

    /** Adds a creator to an agency and returns its id. */
    public static UUID creator(UUID agencyId, UUID fanvueUserUuid, String handle) {
        try (Connection connection = TestDatabase.get().connect();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into models (agency_id, fanvue_user_uuid, handle) values (?, ?, ?) returning id")) {
            insert.setObject(1, agencyId);
            insert.setObject(2, fanvueUserUuid);
            insert.setString(3, handle);
            return singleId(insert);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not seed a creator", e);
        }
    }

    private static UUID agency(Connection connection, String name) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into agencies (name, created_by) values (?, 'test') returning id")) {
            insert.setString(1, name);
            return singleId(insert);
        }
    }

    private static UUID singleId(PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getObject(1, UUID.class);
        }
    }

    private static void member(Connection connection, UUID agencyId, TestUser user, String role) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into agency_members (agency_id, user_sub, role, added_by) values (?, ?, ?, 'test')")) {
            insert.setObject(1, agencyId);
            insert.setString(2, user.subject());
            insert.setString(3, role);
            insert.executeUpdate();
        }
    }

    /**
     * @param agencyA the agency of {@link TestUsers#AGENCY_ADMIN} and {@link TestUsers#AGENCY_MEMBER}
     * @param agencyB the agency of {@link TestUsers#OTHER_AGENCY_USER}
     */
    public record Tenants(UUID agencyA, UUID agencyB) {}
}
