package com.onyxos.vault.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.common.testing.campaign.BadInputCampaign;
import com.onyxos.vault.VaultFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every operation of vault-sync-service's OpenAPI document against the bad-input campaign (see
 * {@link BadInputCampaign}), with an asset of agency B among the foreign ids. The token broker answers "not
 * connected", so a sync a probe might start ends at once.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class VaultBadInputCampaignTest extends BadInputCampaign {

    @Override
    protected List<UUID> foreignIds(TestTenants.Tenants tenants) {
        TokenBrokerStub.notConnected();
        List<UUID> ids = new ArrayList<>(super.foreignIds(tenants));
        UUID creator = ids.get(1);
        ids.add(VaultFixtures.asset(tenants.agencyB(), creator, "foreign.jpg").insert());
        return ids;
    }

    /** The asset the campaign adds is really agency B's, so probing it as agency A tests isolation, not absence. */
    @Test
    void theForeignAssetProbedBelongsToAgencyBAndAgencyACannotSeeIt() {
        TestTenants.Tenants tenants = TestTenants.seed();
        List<UUID> ids = foreignIds(tenants);
        UUID asset = ids.get(ids.size() - 1);

        assertThat(VaultFixtures.count(
                        "select count(*) from content_assets where id = ? and agency_id = ?", asset, tenants.agencyB()))
                .isEqualTo(1);
        TestUsers.AGENCY_ADMIN
                .request()
                .header("X-Agency-Id", tenants.agencyA().toString())
                .get("/api/vault/assets/" + asset)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
