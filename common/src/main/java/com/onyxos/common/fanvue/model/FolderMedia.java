package com.onyxos.common.fanvue.model;

import java.time.Instant;

/** A media item listed in a vault folder; {@code name} may be null, {@code mediaType} is an open enum. */
public record FolderMedia(String uuid, String name, Instant createdAt, String mediaType) {}
