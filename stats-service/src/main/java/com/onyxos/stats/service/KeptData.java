package com.onyxos.stats.service;

import com.onyxos.stats.repository.AnomalyRows;
import com.onyxos.stats.repository.CreatorRef;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records that a creator's stored listing or series was kept because the answer that would have replaced it failed,
 * was empty or did not add up: an anomaly row beside the figures' ones, and the step's result.
 */
@ApplicationScoped
public class KeptData {

    private final AnomalyRows anomalies;

    public KeptData(AnomalyRows anomalies) {
        this.anomalies = anomalies;
    }

    /** The stored data of {@code step} stays because of {@code why}. */
    Uni<StepResult> kept(CreatorRef creator, String trigger, String step, Reading.Absent why, String stored) {
        return anomalies
                .record(
                        creator.agencyId(),
                        creator.id(),
                        trigger + " " + why.source(),
                        step,
                        why.reason().code(),
                        stored,
                        why.received(),
                        why.detail())
                .replaceWith(StepResult.kept(step, why.reason(), why.detail()));
    }
}
