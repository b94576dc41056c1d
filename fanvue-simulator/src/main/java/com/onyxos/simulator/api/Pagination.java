package com.onyxos.simulator.api;

/** The page-style pagination block: no total, loop while {@code hasMore}. */
public record Pagination(int page, int size, boolean hasMore) {}
