package com.onyxos.vault.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The sync-owned columns of a stored asset, to compare with what Fanvue says now. */
public record StoredAsset(
        UUID fanvueMediaUuid,
        UUID modelId,
        String fanvueFolder,
        List<String> fanvueFolders,
        String fileName,
        String mediaType,
        List<String> tags,
        String status,
        Instant createdAt) {}
