package com.onyxos.vault.service;

import com.onyxos.vault.repository.StoredAsset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Decides what the sync writes for one asset: the seed's mapping (file name = media name or
 * {@code <folder>-<uuid>}, tags = folder names + {@code fanvue-vault}), every folder the media is in, and nothing at
 * all when the stored row already says the same. Folders whose listing failed this run keep their stored membership.
 */
public final class AssetDiff {

    /** The tag every synced asset carries. */
    public static final String VAULT_TAG = "fanvue-vault";

    private static final int MAX_FILE_NAME = 512;
    private static final int MAX_MEDIA_TYPE = 32;

    private AssetDiff() {}

    /** What to write, or null when the stored row is already up to date. */
    public static AssetWrite decide(
            IncomingAsset incoming, StoredAsset stored, UUID modelId, Set<String> failedFolders) {
        TreeSet<String> folders = new TreeSet<>(incoming.folders());
        if (stored != null) {
            stored.fanvueFolders().stream().filter(failedFolders::contains).forEach(folders::add);
        }
        List<String> sortedFolders = List.copyOf(folders);
        String primary = stored != null && stored.fanvueFolder() != null && folders.contains(stored.fanvueFolder())
                ? stored.fanvueFolder()
                : incoming.firstFolder();
        List<String> tags = new ArrayList<>(sortedFolders);
        tags.add(VAULT_TAG);
        AssetWrite write = new AssetWrite(
                incoming.uuid(),
                primary,
                sortedFolders,
                fileName(incoming, primary),
                clip(
                        incoming.mediaType() == null || incoming.mediaType().isBlank()
                                ? "unknown"
                                : incoming.mediaType(),
                        MAX_MEDIA_TYPE),
                List.copyOf(tags),
                incoming.createdAt() != null ? incoming.createdAt() : stored != null ? stored.createdAt() : null);
        return stored != null && unchanged(write, stored, modelId) ? null : write;
    }

    private static boolean unchanged(AssetWrite write, StoredAsset stored, UUID modelId) {
        return "active".equals(stored.status())
                && modelId.equals(stored.modelId())
                && write.fanvueFolder().equals(stored.fanvueFolder())
                && write.fanvueFolders().equals(stored.fanvueFolders())
                && write.fileName().equals(stored.fileName())
                && write.mediaType().equals(stored.mediaType())
                && write.tags().equals(stored.tags())
                && (write.createdAt() == null || write.createdAt().equals(stored.createdAt()));
    }

    private static String fileName(IncomingAsset incoming, String folder) {
        String name = incoming.name() == null || incoming.name().isBlank()
                ? folder + "-" + incoming.uuid()
                : incoming.name().strip();
        return clip(name, MAX_FILE_NAME);
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
