package com.onyxos.simulator.api.view;

import java.time.LocalDate;

/** A creator's earnings on one UTC day; {@code date} is a plain {@code YYYY-MM-DD}, amounts in the row's currency. */
public record AgencyEarningView(String creatorUuid, LocalDate date, long gross, long net, String currency) {}
