package com.onyxos.common.fanvue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Fanvue call metrics in Micrometer: {@code onyx_fanvue_requests_seconds{route,status}} (count and latency),
 * {@code onyx_fanvue_no_answer_total{route}} and {@code onyx_fanvue_retries_total{route,reason}}.
 */
final class MicrometerFanvueMetrics implements FanvueMetrics {

    private final MeterRegistry registry;

    MicrometerFanvueMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void answered(String route, int status, long nanos) {
        Timer.builder("onyx.fanvue.requests")
                .description("Answers from Fanvue by route and status")
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void noAnswer(String route) {
        registry.counter("onyx.fanvue.no.answer", "route", route).increment();
    }

    @Override
    public void retried(String route, String reason) {
        registry.counter("onyx.fanvue.retries", "route", route, "reason", reason)
                .increment();
    }
}
