package com.onyxos.vault.service;

import com.onyxos.vault.repository.RunRow;
import com.onyxos.vault.repository.SyncRunRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Follows a run in the database (so it works whichever replica runs it) and emits an event whenever its progress
 * changes, ending with the run's final counts. A run whose process died is closed by the follower itself, so the
 * stream ends with a final event saying so ({@code abandoned}) instead of waiting for a run that will never finish.
 */
@ApplicationScoped
public class SyncEvents {

    private static final Duration POLL = Duration.ofMillis(250);

    private final SyncRunRepository runs;

    public SyncEvents(SyncRunRepository runs) {
        this.runs = runs;
    }

    /** The events of the agency's run; a run of another agency or none at all gives no stream (null). */
    public Uni<Multi<SyncEvent>> follow(UUID agencyId, UUID runId) {
        return runs.find(agencyId, runId).map(first -> first == null ? null : stream(first));
    }

    private Multi<SyncEvent> stream(RunRow first) {
        return Multi.createBy()
                .repeating()
                .uni(
                        () -> new AtomicBoolean(true),
                        isFirst -> isFirst.getAndSet(false) ? Uni.createFrom().item(first) : poll(first))
                .whilst(RunRow::running)
                .map(SyncEvent::of)
                .skip()
                .repetitions();
    }

    private Uni<RunRow> poll(RunRow run) {
        return Uni.createFrom()
                .voidItem()
                .onItem()
                .delayIt()
                .by(POLL)
                .chain(() -> runs.current(run.agencyId(), run.id()));
    }
}
