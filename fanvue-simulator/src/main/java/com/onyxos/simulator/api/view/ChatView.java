package com.onyxos.simulator.api.view;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.Chat;
import com.onyxos.simulator.world.World;
import java.time.Instant;

/** Fanvue's Chat object: the fan and the last message. */
public record ChatView(
        Instant createdAt,
        Instant lastMessageAt,
        @JsonProperty("isRead") boolean isRead,
        @JsonProperty("isMuted") boolean isMuted,
        int unreadMessagesCount,
        FanView user,
        MessageView lastMessage) {

    public static ChatView of(Chat chat, World world, AccountData creator) {
        var last = chat.lastMessage();
        return new ChatView(
                chat.createdAt(),
                last == null ? null : last.sentAt(),
                chat.isRead(),
                chat.isMuted(),
                chat.unreadMessagesCount(),
                FanView.of(world.user(chat.fanUuid()).orElseThrow(), creator),
                last == null ? null : MessageView.of(last, world, creator));
    }
}
