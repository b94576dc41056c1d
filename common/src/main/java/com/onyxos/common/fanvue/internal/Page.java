package com.onyxos.common.fanvue.internal;

import java.util.List;

/**
 * One page of a listing, whichever style: {@code hasMore} for page style, {@code nextCursor} (null at the end) for
 * cursor style.
 */
public record Page<T>(List<T> items, boolean hasMore, String nextCursor) {}
