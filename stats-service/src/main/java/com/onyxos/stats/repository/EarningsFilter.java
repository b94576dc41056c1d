package com.onyxos.stats.repository;

import java.time.Instant;
import java.util.UUID;

/**
 * Which earnings rows of an agency to read.
 *
 * @param agencyId the agency (always)
 * @param creatorId one creator, or null for all
 * @param source one source, or null for all
 * @param from window start, inclusive (null: open)
 * @param to window end, exclusive (null: open)
 */
public record EarningsFilter(UUID agencyId, UUID creatorId, String source, Instant from, Instant to) {}
