package com.onyxos.common.fanvue.model;

import java.time.LocalDate;

/** A row of {@code GET /agencies/subscribers-history}: one creator's day; {@code total} may be absent [?]. */
public record AgencySubscriberDay(
        String creatorUuid, LocalDate date, Long newSubscribersCount, Long cancelledSubscribersCount, Long total) {

    /** Whether the row names creator and day and carries the new and cancelled counts. */
    public boolean complete() {
        return creatorUuid != null && date != null && newSubscribersCount != null && cancelledSubscribersCount != null;
    }
}
