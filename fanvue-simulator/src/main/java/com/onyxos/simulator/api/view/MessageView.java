package com.onyxos.simulator.api.view;

import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.Media;
import com.onyxos.simulator.world.Message;
import com.onyxos.simulator.world.SimUser;
import com.onyxos.simulator.world.World;
import java.time.Instant;
import java.util.List;

/** [?] A chat message; {@code mediaType} is the first attached media's type, {@code price} in USD cents. */
public record MessageView(
        String uuid,
        String text,
        Instant sentAt,
        Party sender,
        Party recipient,
        boolean hasMedia,
        String mediaType,
        List<String> mediaUuids,
        Long price,
        Instant purchasedAt,
        String type) {

    /** Who sent or received the message. */
    public record Party(String uuid, String handle) {}

    public static MessageView of(Message m, World world, AccountData creator) {
        String mediaType = m.mediaUuids().stream()
                .map(uuid -> creator.media().get(uuid))
                .filter(media -> media != null)
                .map(Media::mediaType)
                .findFirst()
                .orElse(null);
        return new MessageView(
                m.uuid(),
                m.text(),
                m.sentAt(),
                party(world, m.senderUuid()),
                party(world, m.recipientUuid()),
                !m.mediaUuids().isEmpty(),
                mediaType,
                m.mediaUuids(),
                m.price(),
                m.purchasedAt(),
                m.type());
    }

    private static Party party(World world, String uuid) {
        return new Party(uuid, world.user(uuid).map(SimUser::handle).orElse(null));
    }
}
