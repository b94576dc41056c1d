package com.onyxos.common.fanvue;

import java.util.List;

/**
 * Filters of {@code GET /chats}; null or empty values are not sent.
 *
 * @param filters Fanvue's chat filters
 * @param search text to search
 * @param sortBy Fanvue's sort key
 */
public record ChatQuery(List<String> filters, String search, String sortBy) {

    /** Every chat in Fanvue's default order. */
    public static final ChatQuery ALL = new ChatQuery(List.of(), null, null);
}
