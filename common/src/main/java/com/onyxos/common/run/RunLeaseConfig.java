package com.onyxos.common.run;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How run leases notice dead owners ({@code onyx.runs.*}); see {@link RunLeases}. */
@ConfigMapping(prefix = "onyx.runs")
public interface RunLeaseConfig {

    /** How often this process writes the heartbeat of the runs it owns (one statement per run table). */
    @WithDefault("5s")
    Duration heartbeatEvery();

    /**
     * A running run whose heartbeat is older than this is dead even if its owner's lock still looks held (a frozen
     * process, or one cut off from the database without its connection closing). About three heartbeats.
     */
    @WithDefault("15s")
    Duration deadAfter();

    /** Pause before opening the lock session again after it was lost (and between failed attempts). */
    @WithDefault("500ms")
    Duration reconnectEvery();

    /** This instance's name in owner ids; defaults to the host name (the pod name in Kubernetes). */
    Optional<String> instanceId();
}
