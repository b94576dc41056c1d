package com.onyxos.simulator.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A vault folder: Fanvue addresses it by its name, unique per creator; a media can sit in several folders. */
public final class Folder {
    private String name;
    private final Instant createdAt;
    private final List<String> mediaUuids = new ArrayList<>();

    public Folder(String name, Instant createdAt) {
        this.name = name;
        this.createdAt = createdAt;
    }

    public String name() {
        return name;
    }

    public void rename(String newName) {
        this.name = newName;
    }

    /** Null for folders Fanvue created before it recorded dates. */
    public Instant createdAt() {
        return createdAt;
    }

    /** Media in the order they were added to the folder. */
    public List<String> mediaUuids() {
        return mediaUuids;
    }
}
