package com.onyxos.vault.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Totals of the sync's phase timers and of the Fanvue client's request timer, in milliseconds summed over every
 * creator (or request): "creator-milliseconds", which overlap in wall time.
 */
record PhaseTimes(double readMs, long reads, double writeMs, long writes, double fanvueMs, long fanvueCalls) {

    static PhaseTimes of(MeterRegistry registry) {
        Timer read = registry.find("onyx.vault.sync.phase").tag("phase", "read").timer();
        Timer write =
                registry.find("onyx.vault.sync.phase").tag("phase", "write").timer();
        double fanvueMs = 0;
        long fanvueCalls = 0;
        for (Timer call : registry.find("onyx.fanvue.requests").timers()) {
            fanvueMs += call.totalTime(TimeUnit.MILLISECONDS);
            fanvueCalls += call.count();
        }
        return new PhaseTimes(
                read == null ? 0 : read.totalTime(TimeUnit.MILLISECONDS),
                read == null ? 0 : read.count(),
                write == null ? 0 : write.totalTime(TimeUnit.MILLISECONDS),
                write == null ? 0 : write.count(),
                fanvueMs,
                fanvueCalls);
    }

    PhaseTimes minus(PhaseTimes before) {
        return new PhaseTimes(
                readMs - before.readMs,
                reads - before.reads,
                writeMs - before.writeMs,
                writes - before.writes,
                fanvueMs - before.fanvueMs,
                fanvueCalls - before.fanvueCalls);
    }
}
