package com.onyxos.simulator.api.view;

import com.onyxos.simulator.world.Media;
import java.time.Instant;

/** A media item as a vault folder lists it. */
public record FolderMediaView(String uuid, String name, Instant createdAt, String mediaType) {
    public static FolderMediaView of(Media media) {
        return new FolderMediaView(media.uuid(), media.name(), media.createdAt(), media.mediaType());
    }
}
