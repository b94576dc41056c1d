package com.onyxos.simulator.world;

import java.time.Instant;
import java.util.List;

/** A chat message; a priced one (USD cents) is unlocked when {@code purchasedAt} is set. */
public record Message(
        String uuid,
        String text,
        Instant sentAt,
        String senderUuid,
        String recipientUuid,
        List<String> mediaUuids,
        Long price,
        Instant purchasedAt,
        String type) {}
