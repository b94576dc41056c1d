package com.onyxos.common.fanvue.model;

import java.util.List;

/**
 * One page of {@code GET /chats}: enough to count without walking every page.
 *
 * @param chats the page's chats
 * @param hasMore whether Fanvue has more pages
 */
public record ChatPage(List<Chat> chats, boolean hasMore) {

    public ChatPage {
        chats = List.copyOf(chats);
    }
}
