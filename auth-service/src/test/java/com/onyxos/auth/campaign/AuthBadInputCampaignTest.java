package com.onyxos.auth.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.campaign.BadInputCampaign;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every operation of auth-service's OpenAPI document against the bad-input campaign (see {@link BadInputCampaign}),
 * with agency B's connection and another user's factor among the foreign ids.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
class AuthBadInputCampaignTest extends BadInputCampaign {

    @Override
    protected List<UUID> foreignIds(TestTenants.Tenants tenants) {
        List<UUID> ids = new ArrayList<>(super.foreignIds(tenants));
        ids.add(insert(
                "insert into agency_fanvue_connections (agency_id, kind, fanvue_user_id, status, connected_by)"
                        + " values (?, 'agency', ?, 'revoked', 'test') returning id",
                tenants.agencyB(),
                UUID.randomUUID()));
        ids.add(insert(
                "insert into mfa_factors (user_sub, secret_ciphertext, status, expires_at)"
                        + " values (?, '\\x00'::bytea, 'unverified', now() + interval '1 hour') returning id",
                TestUsers.OTHER_AGENCY_USER.subject()));
        return ids;
    }

    /** The ids the campaign adds are really agency B's and the other user's, so probing them tests isolation. */
    @Test
    void theForeignConnectionAndFactorBelongToOthersAndAgencyADoesNotListThem() {
        TestTenants.Tenants tenants = TestTenants.seed();
        List<UUID> ids = foreignIds(tenants);
        UUID connection = ids.get(ids.size() - 2);
        UUID factor = ids.get(ids.size() - 1);

        assertThat(TestDatabase.text("select agency_id from agency_fanvue_connections where id = '" + connection + "'"))
                .isEqualTo(tenants.agencyB().toString());
        assertThat(TestDatabase.text("select user_sub from mfa_factors where id = '" + factor + "'"))
                .isEqualTo(TestUsers.OTHER_AGENCY_USER.subject());
        List<String> listed = TestUsers.AGENCY_ADMIN
                .request()
                .header("X-Agency-Id", tenants.agencyA().toString())
                .get("/api/fanvue/connections")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id");
        assertThat(listed).doesNotContain(connection.toString());
    }

    private static UUID insert(String sql, Object... parameters) {
        try (Connection connection = TestDatabase.get().connect();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                insert.setObject(i + 1, parameters[i]);
            }
            try (var rows = insert.executeQuery()) {
                rows.next();
                return rows.getObject(1, UUID.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
