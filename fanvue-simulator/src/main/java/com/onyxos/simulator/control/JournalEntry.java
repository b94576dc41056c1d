package com.onyxos.simulator.control;

import java.time.Instant;

/**
 * One Fanvue request as the simulator saw it. {@code status} 0: no answer was sent (held or dropped connection);
 * {@code early}: sent to a bucket before its Retry-After had passed; {@code fault}: the injected fault's kind.
 */
public record JournalEntry(
        long seq,
        Instant at,
        String method,
        String path,
        String route,
        String query,
        int status,
        String bucket,
        String user,
        String clientId,
        String grantType,
        boolean early,
        String fault,
        long durationMs) {}
