package com.onyxos.common.fanvue.model;

import java.util.Map;

/**
 * {@code GET /chats/unread}; the notification counters are kept as Fanvue names them. The counts are boxed: an
 * answer that lacks one leaves it null, never 0 (a missing figure must not read as "nothing unread").
 */
public record UnreadCounts(Long unreadChatsCount, Long unreadMessagesCount, Map<String, Object> unreadNotifications) {

    /** Whether the answer carries at least one of the counts ({@code {}} carries none). */
    public boolean hasCounts() {
        return unreadChatsCount != null || unreadMessagesCount != null;
    }
}
