package com.onyxos.common.fanvue;

import java.util.List;

/**
 * Filters of {@code GET /media}; null or empty values are not sent.
 *
 * @param mediaType image, video, audio or document (open enum)
 * @param folderName only media of this vault folder
 * @param usage Fanvue's usage filter
 * @param statuses only these statuses
 * @param variants variant types whose (signed, short-lived) URLs to include
 */
public record MediaQuery(
        String mediaType, String folderName, String usage, List<String> statuses, List<String> variants) {

    /** Every media item, no URLs. */
    public static final MediaQuery ALL = new MediaQuery(null, null, null, List.of(), List.of());
}
