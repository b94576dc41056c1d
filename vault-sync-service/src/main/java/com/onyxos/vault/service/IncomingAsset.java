package com.onyxos.vault.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A vault media item as this sync saw it, across every folder it appeared in.
 *
 * @param uuid Fanvue's media uuid
 * @param folders every folder it is in, sorted
 * @param firstFolder the first folder (in Fanvue's folder order) it was seen in
 * @param name its name, may be null
 * @param mediaType Fanvue's media type (open enum)
 * @param createdAt Fanvue's creation time
 */
public record IncomingAsset(
        UUID uuid, List<String> folders, String firstFolder, String name, String mediaType, Instant createdAt) {}
