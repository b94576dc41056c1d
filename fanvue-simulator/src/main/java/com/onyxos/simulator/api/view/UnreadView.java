package com.onyxos.simulator.api.view;

/** {@code /chats/unread}; [?] the notification counters are the simulator's choice. */
public record UnreadView(int unreadChatsCount, int unreadMessagesCount, Notifications unreadNotifications) {

    /** [?] Unread notifications by kind. */
    public record Notifications(int newFollowers, int newSubscribers, int tips, int purchases) {}
}
