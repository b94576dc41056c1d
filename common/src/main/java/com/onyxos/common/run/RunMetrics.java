package com.onyxos.common.run;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Run lease metrics: {@code onyx_runs_takeovers_total{table}} (a start found a dead owner's run, closed it and went on
 * to a new run in the same call), {@code onyx_runs_closed_dead_total{table,by}} (runs closed because their owner died;
 * {@code by} = {@code claim}, {@code follower} or {@code sweep}) and {@code onyx_runs_lost_total{table}} (runs this
 * process was running that another process closed; their work was stopped).
 */
final class RunMetrics {

    private final MeterRegistry registry;

    RunMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void takeover(RunTable table) {
        registry.counter("onyx.runs.takeovers", "table", table.name()).increment();
    }

    void closedDead(RunTable table, String by, int runs) {
        if (runs > 0) {
            registry.counter("onyx.runs.closed.dead", "table", table.name(), "by", by)
                    .increment(runs);
        }
    }

    void lost(RunTable table) {
        registry.counter("onyx.runs.lost", "table", table.name()).increment();
    }
}
