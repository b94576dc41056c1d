package com.onyxos.common.fanvue.model;

import java.time.LocalDate;

/** A row of {@code GET /agencies/earnings}: one creator's day, in minor units of {@code currency}. */
public record AgencyEarning(String creatorUuid, LocalDate date, long gross, long net, String currency) {}
