package com.onyxos.simulator.api;

import com.onyxos.simulator.api.view.ChatView;
import com.onyxos.simulator.api.view.MessageView;
import com.onyxos.simulator.api.view.UnreadView;
import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.Chat;
import com.onyxos.simulator.world.Message;
import com.onyxos.simulator.world.SimUser;
import com.onyxos.simulator.world.SubscriberDay;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/** Chats, a chat's messages (newest first) and the unread counters. */
final class ChatEndpoints {
    static final Set<String> FILTERS = Set.of("unread", "read", "muted");
    static final Set<String> SORTS = Set.of("lastMessageAt", "createdAt");

    private ChatEndpoints() {}

    static void register(RouteTable table) {
        table.self("/chats/unread", ChatEndpoints::unread, "read:chat");
        table.both("/chats", ChatEndpoints::chats, "read:chat");
        table.both("/chats/{userUuid}/messages", ChatEndpoints::messages, "read:chat");
    }

    private static Object chats(ApiRequest r) {
        Predicate<Chat> filter = c -> true;
        for (String f : r.query().list("filter")) {
            if (!FILTERS.contains(f)) {
                throw new BadRequest("filter must be among " + FILTERS);
            }
            filter =
                    filter.and(f.equals("unread") ? c -> !c.isRead() : f.equals("read") ? Chat::isRead : Chat::isMuted);
        }
        String search =
                r.query().string("search").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        if (search != null) {
            filter = filter.and(c -> matches(r.world().user(c.fanUuid()).orElseThrow(), search));
        }
        String sortBy = r.query().string("sortBy").orElse("lastMessageAt");
        if (!SORTS.contains(sortBy)) {
            throw new BadRequest("sortBy must be among " + SORTS);
        }
        Comparator<Chat> order = Comparator.comparing((Chat c) -> sortBy.equals("createdAt") || c.lastMessage() == null
                        ? c.createdAt()
                        : c.lastMessage().sentAt())
                .reversed()
                .thenComparing(Chat::fanUuid);
        List<Chat> chats =
                r.target().chats().stream().filter(filter).sorted(order).toList();
        return Pages.page(chats, r.query(), c -> ChatView.of(c, r.world(), r.target()));
    }

    private static boolean matches(SimUser fan, String search) {
        return fan.handle().toLowerCase(Locale.ROOT).contains(search)
                || fan.displayName().toLowerCase(Locale.ROOT).contains(search);
    }

    private static Object messages(ApiRequest r) {
        String fan = r.pathParam("userUuid");
        Chat chat = r.target().chats().stream()
                .filter(c -> c.fanUuid().equals(fan))
                .findFirst()
                .orElseThrow(() -> new NotFound("Chat not found"));
        List<Message> newestFirst = chat.messages().stream()
                .sorted(Comparator.comparing(Message::sentAt).reversed().thenComparing(Message::uuid))
                .toList();
        return Pages.page(newestFirst, r.query(), m -> MessageView.of(m, r.world(), r.target()));
    }

    /** Unread counts from the chats; notifications count the last day before the world's {@code now}. */
    private static Object unread(ApiRequest r) {
        AccountData account = r.target();
        Instant dayAgo = r.settings().now().minus(Duration.ofDays(1));
        List<SubscriberDay> series = account.subscriberSeries();
        int newSubscribers =
                series.isEmpty() ? 0 : series.get(series.size() - 1).newSubscribers();
        int tips = (int) account.earnings().stream()
                .filter(e -> e.date().isAfter(dayAgo) && e.source().equals("tip"))
                .count();
        int purchases = (int) account.earnings().stream()
                .filter(e -> e.date().isAfter(dayAgo)
                        && (e.source().equals("message") || e.source().equals("post")))
                .count();
        return new UnreadView(
                (int) account.chats().stream().filter(c -> !c.isRead()).count(),
                account.chats().stream().mapToInt(Chat::unreadMessagesCount).sum(),
                new UnreadView.Notifications(0, newSubscribers, tips, purchases));
    }
}
