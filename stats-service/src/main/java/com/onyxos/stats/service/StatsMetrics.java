package com.onyxos.stats.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code onyx_stats_figures_total{outcome, reason}}: figures the writer wrote ({@code refreshed}) or kept (with
 * why: missing, empty, error, implausible) — a rising kept rate is Fanvue failing, visible before anyone asks. The
 * revenue heartbeat, per agency run (tags are outcomes and step names only, never an agency or creator):
 * {@code onyx_stats_heartbeat_seconds{outcome}} (succeeded, partial, failed), {@code
 * onyx_stats_heartbeat_fanvue_calls} (a summary: Fanvue calls per run), {@code onyx_stats_heartbeat_rows_total{step}}
 * (rows written per step) and {@code onyx_stats_heartbeat_steps_failed_total{step, reason}} (steps whose answer failed
 * or was refused, so stored data was kept).
 */
@ApplicationScoped
public class StatsMetrics {

    /** The heartbeat's steps that write rows, as {@link StepResult#step()} names them. */
    static final List<String> ROW_STEPS = List.of(
            "earnings",
            AudienceSync.STEP,
            TopSpenderSync.STEP_PREFIX + TopSpenderSync.ALL_TIME,
            TopSpenderSync.STEP_PREFIX + TopSpenderSync.RECENT,
            TrackingLinkSync.STEP);

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final DistributionSummary heartbeatCalls;

    public StatsMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.heartbeatCalls = DistributionSummary.builder("onyx.stats.heartbeat.fanvue.calls")
                .description("Fanvue calls one agency's revenue heartbeat made (pages included, client retries not)")
                .register(registry);
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

    /** Records a heartbeat run that ended with a result: its time, calls, rows per step and failed steps. */
    void heartbeat(HeartbeatResult result, long calls, long nanos) {
        heartbeatTimer(result.outcome()).record(nanos, TimeUnit.NANOSECONDS);
        heartbeatCalls.record(calls);
        for (String step : ROW_STEPS) {
            long rows = result.creators().stream().mapToLong(b -> b.rows(step)).sum();
            registry.counter("onyx.stats.heartbeat.rows", "step", step).increment(rows);
        }
        if (result.agencyError() != null) {
            failedStep("agencySubscribers", KeptReason.ERROR.code());
        }
        result.creators().stream()
                .flatMap(beat -> beat.steps().stream())
                .filter(StepResult::kept)
                .forEach(step -> failedStep(step.step(), step.reason()));
    }

    /** Records a heartbeat run that failed as a whole (its database work, not a Fanvue answer). */
    void heartbeatFailed(long calls, long nanos) {
        heartbeatTimer("failed").record(nanos, TimeUnit.NANOSECONDS);
        heartbeatCalls.record(calls);
    }

    private void failedStep(String step, String reason) {
        registry.counter("onyx.stats.heartbeat.steps.failed", "step", step, "reason", reason == null ? "none" : reason)
                .increment();
    }

    private Timer heartbeatTimer(String outcome) {
        return Timer.builder("onyx.stats.heartbeat")
                .description("One agency's revenue heartbeat, by how the run ended")
                .tag("outcome", outcome)
                .register(registry);
    }
}
