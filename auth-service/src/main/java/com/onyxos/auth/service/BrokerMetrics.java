package com.onyxos.auth.service;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token broker metrics: {@code onyx_fanvue_token_refreshes_total{outcome}} (success, invalid_grant, rejected,
 * unavailable), {@code onyx_fanvue_connections_reauth_required} (connections waiting for a new authorization,
 * counted by the sweep), {@code onyx_fanvue_token_lifetime_seconds} (the lifetimes Fanvue grants),
 * {@code onyx_fanvue_token_short_lived_total} (a freshly refreshed token served although it was already inside its
 * refresh-ahead margin: Fanvue's lifetime was too short for the rule, and no second refresh was made) and
 * {@code onyx_fanvue_refresh_takeovers_total} (a refresh lease taken from a holder found dead).
 */
@ApplicationScoped
public class BrokerMetrics {

    private final MeterRegistry registry;
    private final AtomicLong reauthRequired = new AtomicLong();
    private final DistributionSummary lifetimes;

    public BrokerMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("onyx.fanvue.connections.reauth.required", reauthRequired);
        this.lifetimes = DistributionSummary.builder("onyx.fanvue.token.lifetime")
                .baseUnit("seconds")
                .description("Access token lifetimes Fanvue granted")
                .register(registry);
    }

    void refreshed(String outcome) {
        registry.counter("onyx.fanvue.token.refreshes", "outcome", outcome).increment();
    }

    void granted(long lifetimeSeconds) {
        lifetimes.record(lifetimeSeconds);
    }

    void servedShortLived() {
        registry.counter("onyx.fanvue.token.short.lived").increment();
    }

    void tookOver() {
        registry.counter("onyx.fanvue.refresh.takeovers").increment();
    }

    void reauthRequired(long connections) {
        reauthRequired.set(connections);
    }
}
