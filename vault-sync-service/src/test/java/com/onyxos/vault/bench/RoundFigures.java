package com.onyxos.vault.bench;

import com.onyxos.common.testing.CpuTime;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The figures of one benchmark round. Times are milliseconds from the moment the sync request was sent; the
 * Fanvue side comes from the simulator's journal (each request's start and time to answer), the phases from the
 * sync's timers (summed over creators, so they overlap in wall time).
 */
record RoundFigures(
        String name,
        long wallMs,
        int assetsSynced,
        int inserted,
        int updated,
        int unchanged,
        int removed,
        int errors,
        long rowsWritten,
        int requests,
        int tooManyRequests,
        int earlyRequests,
        long firstRequestMs,
        long lastAnswerMs,
        double meanInFlight,
        int maxInFlight,
        double simulatorMeanMs,
        PhaseTimes phases,
        CpuTime cpu,
        Bound bound) {

    /**
     * The theoretical bound: every page takes the injected latency, {@code concurrency} of them in flight.
     *
     * @param latencyMs the simulator's injected latency
     * @param concurrency requests the sync keeps in flight at most (creators × folders, capped by the pool)
     */
    record Bound(int latencyMs, int concurrency) {
        long ms(int pages) {
            return Math.round((double) pages * latencyMs / concurrency);
        }
    }

    static RoundFigures measure(
            String name,
            long started,
            long ended,
            JsonPath answer,
            JsonPath statsBefore,
            JsonPath statsAfter,
            List<Map<String, Object>> journal,
            PhaseTimes phases,
            CpuTime cpu,
            long rowsWritten,
            Bound bound) {
        List<long[]> spans = new ArrayList<>();
        for (Map<String, Object> entry : journal) {
            long at = Instant.parse((String) entry.get("at")).toEpochMilli() - started;
            spans.add(new long[] {at, at + ((Number) entry.get("durationMs")).longValue()});
        }
        long first = spans.stream().mapToLong(s -> s[0]).min().orElse(0);
        long last = spans.stream().mapToLong(s -> s[1]).max().orElse(0);
        long busy = spans.stream().mapToLong(s -> s[1] - s[0]).sum();
        Function<String, Integer> delta = key -> statsAfter.getInt(key) - statsBefore.getInt(key);
        return new RoundFigures(
                name,
                ended - started,
                answer.getInt("assetsSynced"),
                answer.getInt("inserted"),
                answer.getInt("updated"),
                answer.getInt("unchanged"),
                answer.getInt("removed"),
                answer.getList("errors").size(),
                rowsWritten,
                delta.apply("requests"),
                delta.apply("tooManyRequests"),
                delta.apply("earlyRequests"),
                first,
                last,
                last > first ? (double) busy / (last - first) : 0,
                maxInFlight(spans),
                spans.isEmpty() ? 0 : (double) busy / spans.size(),
                phases,
                cpu,
                bound);
    }

    private static int maxInFlight(List<long[]> spans) {
        List<long[]> events = new ArrayList<>();
        spans.forEach(s -> {
            events.add(new long[] {s[0], 1});
            events.add(new long[] {s[1], -1});
        });
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int now = 0;
        int max = 0;
        for (long[] event : events) {
            now += (int) event[1];
            max = Math.max(max, now);
        }
        return max;
    }

    /** The rounds side by side, one row per figure. */
    static String table(List<RoundFigures> rounds, String setting) {
        StringBuilder out = new StringBuilder("\n=== VaultSyncBenchmark: " + setting + "\n");
        row(out, "figure", rounds, RoundFigures::name);
        row(out, "wall time, request to answer (ms)", rounds, r -> r.wallMs);
        row(out, "assets synced", rounds, r -> r.assetsSynced);
        row(
                out,
                "inserted / updated / unchanged / removed",
                rounds,
                r -> r.inserted + " / " + r.updated + " / " + r.unchanged + " / " + r.removed);
        row(out, "rows written (database)", rounds, r -> r.rowsWritten);
        row(out, "errors", rounds, r -> r.errors);
        row(out, "Fanvue requests (pages)", rounds, r -> r.requests);
        row(out, "answered 429 / early requests", rounds, r -> r.tooManyRequests + " / " + r.earlyRequests);
        row(out, "achieved requests/s (over wall time)", rounds, r -> fmt(r.requests * 1000.0 / r.wallMs));
        row(
                out,
                "theoretical bound: pages x latency / concurrency (ms)",
                rounds,
                r -> r.bound.ms(r.requests) + " (" + r.bound.concurrency + " in flight)");
        row(out, "wall time / bound", rounds, r -> fmt((double) r.wallMs / Math.max(1, r.bound.ms(r.requests))));
        row(
                out,
                "Fanvue window: first request .. last answer (ms)",
                rounds,
                r -> r.firstRequestMs + " .. " + r.lastAnswerMs);
        row(
                out,
                "requests in flight at the simulator: mean / max",
                rounds,
                r -> fmt(r.meanInFlight) + " / " + r.maxInFlight);
        row(
                out,
                "time per request: simulator / client (ms)",
                rounds,
                r -> fmt(r.simulatorMeanMs) + " / " + fmt(r.phases.fanvueMs() / Math.max(1, r.phases.fanvueCalls())));
        row(out, "tail after the last answer: writes, finish (ms)", rounds, r -> r.wallMs - r.lastAnswerMs);
        row(out, "read phase, summed over creators (ms)", rounds, r -> fmt(r.phases.readMs()));
        row(out, "write phase, summed over creators (ms)", rounds, r -> fmt(r.phases.writeMs()));
        row(
                out,
                "read / write per creator, mean (ms)",
                rounds,
                r -> fmt(r.phases.readMs() / Math.max(1, r.phases.reads())) + " / "
                        + fmt(r.phases.writeMs() / Math.max(1, r.phases.writes())));
        row(
                out,
                "CPU: JVM (service + simulator) / PostgreSQL (ms)",
                rounds,
                r -> r.cpu.jvmMs() + " / " + r.cpu.postgresMs());
        row(out, "of which JIT compiling / GC pauses (ms)", rounds, r -> r.cpu.jitMs() + " / " + r.cpu.gcMs());
        row(
                out,
                "CPU used / available (2 cores x wall time)",
                rounds,
                r -> fmt(100.0 * (r.cpu.jvmMs() + r.cpu.postgresMs()) / (2.0 * r.wallMs)) + " %");
        return out.toString();
    }

    private static void row(StringBuilder out, String label, List<RoundFigures> rounds, Function<RoundFigures, ?> f) {
        out.append(String.format("| %-56s |", label));
        rounds.forEach(r -> out.append(String.format(" %-22s |", f.apply(r))));
        out.append('\n');
    }

    private static String fmt(double value) {
        return String.format("%.1f", value);
    }
}
