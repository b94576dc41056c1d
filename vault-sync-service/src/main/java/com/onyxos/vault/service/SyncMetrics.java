package com.onyxos.vault.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Where a creator's sync spends its time: {@code onyx_vault_sync_phase_seconds{phase}} with {@code read} (listing
 * folders and media from Fanvue, pacing included) and {@code write} (comparing with and writing to the database);
 * how runs end, {@code onyx_vault_sync_runs_total{status}}; and what they did to the asset rows,
 * {@code onyx_vault_sync_assets_total{change}} ({@code inserted}, {@code updated}, {@code unchanged},
 * {@code removed}).
 */
@ApplicationScoped
public class SyncMetrics {

    private final MeterRegistry registry;
    private final Timer read;
    private final Timer write;

    public SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.read = phase(registry, "read");
        this.write = phase(registry, "write");
    }

    /** Counts a creator's run as it ended. */
    void finished(SyncOutcome outcome) {
        registry.counter("onyx.vault.sync.runs", "status", outcome.status()).increment();
        assets("inserted", outcome.inserted());
        assets("updated", outcome.updated());
        assets("unchanged", outcome.unchanged());
        assets("removed", outcome.removals().size());
    }

    private void assets(String change, int count) {
        registry.counter("onyx.vault.sync.assets", "change", change).increment(count);
    }

    <T> Uni<T> read(Supplier<Uni<T>> work) {
        return timed(read, work);
    }

    <T> Uni<T> write(Supplier<Uni<T>> work) {
        return timed(write, work);
    }

    private static <T> Uni<T> timed(Timer timer, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return work.get().eventually(() -> timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
        });
    }

    private static Timer phase(MeterRegistry registry, String phase) {
        return Timer.builder("onyx.vault.sync.phase")
                .description("Time one creator's sync spends reading Fanvue and writing the database")
                .tag("phase", phase)
                .register(registry);
    }
}
