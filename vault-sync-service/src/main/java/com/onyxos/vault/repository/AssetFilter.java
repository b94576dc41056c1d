package com.onyxos.vault.repository;

import java.util.UUID;

/**
 * What narrows an asset listing; null fields do not narrow.
 *
 * @param agencyId the agency (always set)
 * @param modelId one creator
 * @param folder a vault folder the asset is in (any of {@code fanvue_folders})
 * @param mediaType exact media type
 * @param contentType exact content type
 * @param tag a tag in the sync's tags or the user's tags
 * @param text part of the file name, case-insensitive, taken literally
 * @param status active, removed, or null for both
 */
public record AssetFilter(
        UUID agencyId,
        UUID modelId,
        String folder,
        String mediaType,
        String contentType,
        String tag,
        String text,
        String status) {}
