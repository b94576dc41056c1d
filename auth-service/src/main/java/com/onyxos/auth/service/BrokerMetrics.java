package com.onyxos.auth.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token broker metrics: {@code onyx_fanvue_token_refreshes_total{outcome}} (success, invalid_grant, rejected,
 * unavailable) and {@code onyx_fanvue_connections_reauth_required} (connections waiting for a new authorization,
 * counted by the sweep).
 */
@ApplicationScoped
public class BrokerMetrics {

    private final MeterRegistry registry;
    private final AtomicLong reauthRequired = new AtomicLong();

    public BrokerMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("onyx.fanvue.connections.reauth.required", reauthRequired);
    }

    void refreshed(String outcome) {
        registry.counter("onyx.fanvue.token.refreshes", "outcome", outcome).increment();
    }

    void reauthRequired(long connections) {
        reauthRequired.set(connections);
    }
}
