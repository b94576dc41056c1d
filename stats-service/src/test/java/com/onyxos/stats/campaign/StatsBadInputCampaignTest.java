package com.onyxos.stats.campaign;

import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.campaign.BadInputCampaign;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every operation of stats-service's OpenAPI document against the bad-input campaign (see {@link BadInputCampaign}):
 * endpoints added to the service are in the document, so the campaign covers them without a change here.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class StatsBadInputCampaignTest extends BadInputCampaign {}
