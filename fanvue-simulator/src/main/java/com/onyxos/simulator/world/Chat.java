package com.onyxos.simulator.world;

import java.time.Instant;
import java.util.List;

/** A creator's conversation with one fan, messages oldest first. */
public record Chat(
        String fanUuid,
        Instant createdAt,
        boolean isRead,
        boolean isMuted,
        int unreadMessagesCount,
        List<Message> messages) {

    public Message lastMessage() {
        return messages.isEmpty() ? null : messages.get(messages.size() - 1);
    }
}
