package com.onyxos.simulator.world;

import java.time.Instant;

/** The payout side of an account; the earnings total is always derived from the earnings rows. */
public record AccountStatus(String status, long availableBalance, Instant lastPayoutAt) {}
