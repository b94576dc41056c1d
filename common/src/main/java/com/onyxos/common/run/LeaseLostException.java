package com.onyxos.common.run;

import java.util.UUID;

/** The run is no longer this process's: another one found its owner dead and closed it. Its work must stop. */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(UUID runId) {
        super("Run " + runId + " was closed by another process (its owner was taken for dead)", null, false, false);
    }
}
