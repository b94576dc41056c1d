package com.onyxos.stats.service;

import com.onyxos.stats.repository.CreatorRef;
import java.time.Instant;
import java.util.UUID;

/**
 * One pass over a creator's earnings.
 *
 * @param creatorId the creator
 * @param handle its handle
 * @param status succeeded or failed (the rows written before a failure stay; the next pass reads them again)
 * @param windowStart where the pass started reading (null: everything)
 * @param rowsSeen rows Fanvue sent
 * @param rowsWritten rows new or changed
 * @param error why it failed, null when it succeeded
 */
public record EarningsPass(
        UUID creatorId,
        String handle,
        String status,
        Instant windowStart,
        int rowsSeen,
        int rowsWritten,
        String error) {

    static EarningsPass succeeded(CreatorRef creator, Instant start, int seen, int written) {
        return new EarningsPass(creator.id(), creator.handle(), "succeeded", start, seen, written, null);
    }

    static EarningsPass failed(CreatorRef creator, Instant start, int seen, int written, String error) {
        return new EarningsPass(creator.id(), creator.handle(), "failed", start, seen, written, error);
    }

    public boolean succeeded() {
        return "succeeded".equals(status);
    }
}
