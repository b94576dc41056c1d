package com.onyxos.common.fanvue.model;

import java.time.LocalDate;

/** A row of {@code GET /agencies/earnings}: one creator's day, in minor units of {@code currency}. */
public record AgencyEarning(String creatorUuid, LocalDate date, Long gross, Long net, String currency) {

    /** Whether the row names creator and day and carries both amounts. */
    public boolean complete() {
        return creatorUuid != null && date != null && gross != null && net != null;
    }
}
