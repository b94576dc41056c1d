package com.onyxos.common.fanvue.model;

import java.util.Map;

/** {@code GET /chats/unread}; the notification counters are kept as Fanvue names them. */
public record UnreadCounts(long unreadChatsCount, long unreadMessagesCount, Map<String, Object> unreadNotifications) {}
