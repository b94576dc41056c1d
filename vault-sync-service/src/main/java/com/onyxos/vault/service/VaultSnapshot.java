package com.onyxos.vault.service;

import com.onyxos.common.fanvue.model.FolderMedia;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What one pass over a creator's vault saw: every media item with every folder it is in, and the folders that
 * could not be read. Folders are read concurrently, so it is synchronised.
 */
final class VaultSnapshot {

    private final List<String> folderOrder;
    private final Map<UUID, Seen> media = new LinkedHashMap<>();
    private final Set<String> failedFolders = new LinkedHashSet<>();
    private final List<String> errors = new ArrayList<>();

    VaultSnapshot(List<String> folderOrder) {
        this.folderOrder = List.copyOf(folderOrder);
    }

    synchronized void add(String folder, List<FolderMedia> items) {
        for (FolderMedia item : items) {
            UUID uuid = UUID.fromString(item.uuid());
            media.computeIfAbsent(uuid, key -> new Seen(item)).in(folder, folderOrder.indexOf(folder));
        }
    }

    synchronized void failed(String folder, String error) {
        failedFolders.add(folder);
        errors.add(error);
    }

    synchronized int size() {
        return media.size();
    }

    /** Whether every folder was read: only then may assets missing from the pass be marked removed. */
    synchronized boolean complete() {
        return failedFolders.isEmpty();
    }

    synchronized Set<String> failedFolders() {
        return Set.copyOf(failedFolders);
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    synchronized List<IncomingAsset> incoming() {
        return media.entrySet().stream()
                .map(entry -> entry.getValue().toIncoming(entry.getKey()))
                .toList();
    }

    /** One media item as seen so far. */
    private static final class Seen {
        private final TreeSet<String> folders = new TreeSet<>();
        private final String name;
        private final String mediaType;
        private final Instant createdAt;
        private String firstFolder;
        private int firstIndex = Integer.MAX_VALUE;

        Seen(FolderMedia item) {
            this.name = item.name();
            this.mediaType = item.mediaType();
            this.createdAt = item.createdAt();
        }

        void in(String folder, int index) {
            folders.add(folder);
            if (index < firstIndex) {
                firstIndex = index;
                firstFolder = folder;
            }
        }

        IncomingAsset toIncoming(UUID uuid) {
            return new IncomingAsset(uuid, List.copyOf(folders), firstFolder, name, mediaType, createdAt);
        }
    }
}
