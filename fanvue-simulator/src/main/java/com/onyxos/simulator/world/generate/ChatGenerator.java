package com.onyxos.simulator.world.generate;

import com.onyxos.simulator.SimulatorSettings;
import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.Chat;
import com.onyxos.simulator.world.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Chats with fans. The creator's messages carry 1 to 3 vault media; some are priced and some of those purchased
 * (each purchase becomes a {@code message} earnings row).
 */
final class ChatGenerator {
    private final SimulatorSettings settings;
    private final Dice dice;

    ChatGenerator(SimulatorSettings settings, Dice dice) {
        this.settings = settings;
        this.dice = dice;
    }

    void fill(AccountData account) {
        List<String> audience = new ArrayList<>(account.subscriberUuids());
        audience.addAll(account.followerUuids());
        List<String> media = new ArrayList<>(account.media().keySet());
        Instant now = settings.now();
        Instant start = now.minus(Duration.ofDays(settings.days()));
        for (String fan : dice.sample(audience, settings.chatsPerCreator())) {
            Instant createdAt = dice.instant(start, now.minus(Duration.ofDays(1)));
            List<Message> messages = new ArrayList<>();
            Instant sentAt = createdAt;
            for (int i = 0; i < settings.messagesPerChat(); i++) {
                sentAt = dice.instant(sentAt.plusSeconds(1), sentAt.plusSeconds(Math.max(2, secondsLeft(sentAt) / 4)));
                boolean fromCreator = i % 2 == 1 || dice.chance(0.3);
                messages.add(
                        fromCreator
                                ? creatorMessage(account.user().uuid(), fan, sentAt, media)
                                : plain(fan, account.user().uuid(), sentAt));
            }
            int unread = dice.chance(0.3) ? trailingFanMessages(messages, fan) : 0;
            account.chats().add(new Chat(fan, createdAt, unread == 0, dice.chance(0.1), unread, List.copyOf(messages)));
        }
    }

    private long secondsLeft(Instant from) {
        return Math.max(2, settings.now().getEpochSecond() - from.getEpochSecond());
    }

    private Message plain(String sender, String recipient, Instant sentAt) {
        return new Message(
                dice.uuid(),
                Names.sentence(dice, dice.between(1, 8)),
                sentAt,
                sender,
                recipient,
                List.of(),
                null,
                null,
                "chat");
    }

    private Message creatorMessage(String creator, String fan, Instant sentAt, List<String> media) {
        if (media.isEmpty() || dice.chance(0.5)) {
            return plain(creator, fan, sentAt);
        }
        List<String> attached = dice.sample(media, dice.between(1, 3));
        Long price = dice.chance(0.6) ? dice.price() : null;
        Instant purchasedAt = null;
        if (price != null && dice.chance(0.5)) {
            purchasedAt = dice.instant(sentAt.plusSeconds(1), sentAt.plusSeconds(Math.max(2, secondsLeft(sentAt) / 2)));
        }
        String type = dice.chance(0.15) ? "massMessage" : "chat";
        return new Message(
                dice.uuid(),
                Names.sentence(dice, dice.between(2, 10)),
                sentAt,
                creator,
                fan,
                attached,
                price,
                purchasedAt,
                type);
    }

    private static int trailingFanMessages(List<Message> messages, String fan) {
        int count = 0;
        for (int i = messages.size() - 1; i >= 0 && messages.get(i).senderUuid().equals(fan); i--) {
            count++;
        }
        return count;
    }
}
