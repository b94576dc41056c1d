package com.onyxos.vault.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The sync-owned columns of one asset to insert or update; the user-owned ones are never among them. */
public record AssetWrite(
        UUID fanvueMediaUuid,
        String fanvueFolder,
        List<String> fanvueFolders,
        String fileName,
        String mediaType,
        List<String> tags,
        Instant createdAt) {}
