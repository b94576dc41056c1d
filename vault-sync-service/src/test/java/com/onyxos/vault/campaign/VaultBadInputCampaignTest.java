package com.onyxos.vault.campaign;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.common.testing.campaign.BadInputCampaign;
import com.onyxos.vault.VaultFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
}
