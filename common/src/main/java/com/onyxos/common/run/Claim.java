package com.onyxos.common.run;

import java.util.UUID;

/**
 * What {@link RunLeases#claim} found.
 *
 * @param runId the run the caller started, or the live run it joined
 * @param lease the caller's lease when it started the run; null when it joined one
 * @param replaced the dead owner's run this call closed before starting, or null
 */
public record Claim(UUID runId, Lease lease, UUID replaced) {

    /** Whether the caller started the run (and must finish it through {@link #lease()}). */
    public boolean started() {
        return lease != null;
    }
}
