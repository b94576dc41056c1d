package com.onyxos.simulator.api.view;

import com.onyxos.simulator.world.Folder;
import java.time.Instant;

/** A vault folder; {@code createdAt} is null for old folders. */
public record FolderView(String name, Instant createdAt, int mediaCount) {
    public static FolderView of(Folder folder) {
        return new FolderView(
                folder.name(), folder.createdAt(), folder.mediaUuids().size());
    }
}
