package com.onyxos.common.run;

import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.UUID;

/** What a job's work gets while its run is held: the run's id, a way to record counts so far, and whether it lost it. */
public final class JobLease {

    private final Lease lease;
    private final JobRuns runs;

    JobLease(Lease lease, JobRuns runs) {
        this.lease = lease;
        this.runs = runs;
    }

    public UUID runId() {
        return lease.runId();
    }

    /**
     * Records what the run has done so far (replacing earlier counts): kept if the process dies before the end.
     * Fails with {@link LeaseLostException} when another process has closed the run; the work should stop.
     */
    public Uni<Void> record(Map<String, Long> counts) {
        return runs.record(lease, counts);
    }

    /** Whether another process closed the run (its work is being cancelled). */
    public boolean lost() {
        return lease.lost();
    }
}
