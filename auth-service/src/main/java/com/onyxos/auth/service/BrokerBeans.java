package com.onyxos.auth.service;

import com.onyxos.auth.config.BrokerConfig;
import com.onyxos.auth.repository.CreatorRepository;
import com.onyxos.auth.repository.FanvueConnectionRepository;
import com.onyxos.common.fanvue.FanvueClient;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;

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
            Clock clock) {
        return new TokenRefresher(connections, secrets, fanvue, config, metrics, clock, replicaId());
    }

    @Produces
    @Singleton
    FanvueTokenBroker broker(
            FanvueConnectionRepository connections,
            CreatorRepository creators,
            ConnectionSecrets secrets,
            TokenRefresher refresher,
            BrokerConfig config,
            @CacheName("fanvue-access-tokens") Cache cache,
            Clock clock) {
        return new FanvueTokenBroker(connections, creators, secrets, refresher, config, cache, clock);
    }

    /** Host name plus a random suffix: unique per process even when pods share a host name. */
    private static String replicaId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + UUID.randomUUID();
    }
}
