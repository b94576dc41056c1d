package com.onyxos.common.fanvue.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A chat with one fan, from {@code GET /chats}. */
public record Chat(
        Instant createdAt,
        Instant lastMessageAt,
        @JsonProperty("isRead") Boolean isRead,
        @JsonProperty("isMuted") Boolean isMuted,
        Long unreadMessagesCount,
        FanvueFan user,
        ChatMessage lastMessage) {}
