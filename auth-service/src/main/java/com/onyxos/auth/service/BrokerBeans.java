package com.onyxos.auth.service;

import com.onyxos.auth.config.BrokerConfig;
import com.onyxos.auth.repository.CreatorRepository;
import com.onyxos.auth.repository.FanvueConnectionRepository;
import com.onyxos.common.fanvue.FanvueClient;
import com.onyxos.common.run.RunLeases;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Wires the broker of this replica. The refresher and broker are plain classes so a test can build a second,
 * independent replica on the same database.
 */
@ApplicationScoped
public class BrokerBeans {

    @Produces
    @Singleton
    TokenRefresher refresher(
            FanvueConnectionRepository connections,
            ConnectionSecrets secrets,
            FanvueClient fanvue,
            BrokerConfig config,
            BrokerMetrics metrics,
            Clock clock,
            RunLeases leases) {
        return new TokenRefresher(connections, secrets, fanvue, config, metrics, clock, leases);
    }

    @Produces
    @Singleton
    FanvueTokenBroker broker(
            FanvueConnectionRepository connections,
            CreatorRepository creators,
            ConnectionSecrets secrets,
            TokenRefresher refresher,
            BrokerConfig config,
            BrokerMetrics metrics,
            @CacheName("fanvue-access-tokens") Cache cache,
            Clock clock) {
        return new FanvueTokenBroker(connections, creators, secrets, refresher, config, metrics, cache, clock);
    }
}
