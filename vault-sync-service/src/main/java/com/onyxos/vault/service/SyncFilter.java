package com.onyxos.vault.service;

import java.util.List;

/**
 * Selective sync: only these folders and media types (null or empty: all). A selective run never removes assets,
 * since it does not see the whole vault.
 */
public record SyncFilter(List<String> folders, List<String> mediaTypes) {

    public static final SyncFilter ALL = new SyncFilter(null, null);

    public boolean selective() {
        return folders != null && !folders.isEmpty() || mediaTypes != null && !mediaTypes.isEmpty();
    }

    boolean includesFolder(String folder) {
        return folders == null || folders.isEmpty() || folders.contains(folder);
    }

    boolean includesType(String mediaType) {
        return mediaTypes == null || mediaTypes.isEmpty() || mediaTypes.contains(mediaType);
    }
}
