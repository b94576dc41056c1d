package com.onyxos.stats.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code onyx_stats_figures_total{outcome, reason}}: figures the writer wrote ({@code refreshed}) or kept (with
 * why: missing, empty, error, implausible) — a rising kept rate is Fanvue failing, visible before anyone asks.
 */
@ApplicationScoped
public class StatsMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public StatsMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts the figures of one write. */
    public void count(CreatorRefresh refresh) {
        if (refresh == null) {
            return;
        }
        for (FieldOutcome field : refresh.fields()) {
            String reason = field.reason() == null ? "none" : field.reason();
            counters.computeIfAbsent(field.outcome() + "/" + reason, key -> Counter.builder("onyx.stats.figures")
                            .description("Figures written from Fanvue's answers or kept as stored")
                            .tag("outcome", field.outcome())
                            .tag("reason", reason)
                            .register(registry))
                    .increment();
        }
    }
}
