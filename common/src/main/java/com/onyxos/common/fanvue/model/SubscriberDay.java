package com.onyxos.common.fanvue.model;

import java.time.LocalDate;

/** One day of {@code GET /insights/subscribers}; a day lacking any count is malformed ({@link #complete()}). */
public record SubscriberDay(LocalDate date, Long total, Long newSubscribersCount, Long cancelledSubscribersCount) {

    /** Whether the day carries its date and all three counts. */
    public boolean complete() {
        return date != null && total != null && newSubscribersCount != null && cancelledSubscribersCount != null;
    }
}
