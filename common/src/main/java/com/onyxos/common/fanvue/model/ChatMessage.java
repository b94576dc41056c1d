package com.onyxos.common.fanvue.model;

import java.time.Instant;
import java.util.List;

/**
 * A chat message: the media it carried, its price (USD cents, null when free) and when the fan unlocked it (null
 * when not purchased). The vault's ROI attribution reads these.
 */
public record ChatMessage(
        String uuid,
        String text,
        Instant sentAt,
        Participant sender,
        Participant recipient,
        Boolean hasMedia,
        String mediaType,
        List<String> mediaUuids,
        Long price,
        Instant purchasedAt,
        String type) {

    public ChatMessage {
        mediaUuids = mediaUuids == null ? List.of() : List.copyOf(mediaUuids);
    }

    /** Sender or recipient. */
    public record Participant(String uuid, String handle) {}
}
