package com.onyxos.simulator.control;

import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.Earning;
import com.onyxos.simulator.world.Folder;
import com.onyxos.simulator.world.Media;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;

/**
 * Changes between syncs. New items are dated a few seconds after the world's {@code now}, one second apart, so they
 * sort after everything generated. Used under the state lock.
 */
final class Mutations {
    private static final Set<String> MEDIA_TYPES = Set.of("image", "video", "audio", "document");

    private final Instant now;
    private int sequence;

    Mutations(Instant now) {
        this.now = now;
    }

    void createFolder(AccountData creator, String name) {
        requireName(name);
        if (creator.folder(name).isPresent()) {
            throw new IllegalArgumentException("folder exists: " + name);
        }
        creator.folders().add(new Folder(name, nextInstant()));
    }

    void renameFolder(AccountData creator, String from, String to) {
        requireName(to);
        if (creator.folder(to).isPresent()) {
            throw new IllegalArgumentException("folder exists: " + to);
        }
        folder(creator, from).rename(to);
    }

    void deleteFolder(AccountData creator, String name) {
        creator.folders().remove(folder(creator, name));
    }

    Media addMedia(AccountData creator, NewMedia request) {
        String type = request.mediaType() == null ? "image" : request.mediaType();
        if (!MEDIA_TYPES.contains(type)) {
            throw new IllegalArgumentException("mediaType must be one of " + MEDIA_TYPES);
        }
        Folder folder = request.folderName() == null ? null : folder(creator, request.folderName());
        Media media = new Media(
                UUID.randomUUID().toString(),
                "ready",
                nextInstant(),
                null,
                null,
                request.name(),
                type,
                null,
                List.of());
        creator.media().put(media.uuid(), media);
        if (folder != null) {
            folder.mediaUuids().add(media.uuid());
        }
        return media;
    }

    void moveMedia(AccountData creator, String mediaUuid, String fromFolder, String toFolder) {
        media(creator, mediaUuid);
        Folder from = folder(creator, fromFolder);
        Folder to = folder(creator, toFolder);
        if (!from.mediaUuids().remove(mediaUuid)) {
            throw new IllegalArgumentException("media " + mediaUuid + " is not in folder " + fromFolder);
        }
        if (!to.mediaUuids().contains(mediaUuid)) {
            to.mediaUuids().add(mediaUuid);
        }
    }

    /** Removes the media from the vault and every folder; messages and posts keep referring to it, as on Fanvue. */
    void deleteMedia(AccountData creator, String mediaUuid) {
        media(creator, mediaUuid);
        creator.media().remove(mediaUuid);
        creator.folders().forEach(f -> f.mediaUuids().remove(mediaUuid));
    }

    Earning addEarning(AccountData creator, NewEarning r) {
        if (r.source() == null || r.source().isBlank()) {
            throw new IllegalArgumentException("source is required");
        }
        Earning earning = new Earning(
                r.date() == null ? nextInstant() : r.date(),
                r.gross(),
                r.net() == null ? r.gross() * 80 / 100 : r.net(),
                "USD",
                r.source(),
                r.fanUuid(),
                r.transactionOrderId() == null ? UUID.randomUUID().toString() : r.transactionOrderId(),
                r.transactionOrderStatus() == null ? "completed" : r.transactionOrderStatus(),
                r.messageUuid(),
                r.postUuid(),
                null);
        creator.earnings().add(earning);
        creator.earningsChanged();
        return earning;
    }

    int setEarningStatus(AccountData creator, String transactionOrderId, String status) {
        if (status == null || status.isBlank()) {
            throw new IllegalArgumentException("transactionOrderStatus is required");
        }
        int changed = 0;
        for (int i = 0; i < creator.earnings().size(); i++) {
            Earning e = creator.earnings().get(i);
            if (e.transactionOrderId().equals(transactionOrderId) && e.gross() >= 0) {
                creator.earnings()
                        .set(
                                i,
                                new Earning(
                                        e.date(),
                                        e.gross(),
                                        e.net(),
                                        e.currency(),
                                        e.source(),
                                        e.fanUuid(),
                                        e.transactionOrderId(),
                                        status,
                                        e.messageUuid(),
                                        e.postUuid(),
                                        e.trackingLinkUuid()));
                changed++;
            }
        }
        if (changed == 0) {
            throw new NoSuchElementException("no earnings row of order " + transactionOrderId);
        }
        creator.earningsChanged();
        return changed;
    }

    private Instant nextInstant() {
        return now.plusSeconds(++sequence);
    }

    private static Folder folder(AccountData creator, String name) {
        return creator.folder(name).orElseThrow(() -> new NoSuchElementException("no folder " + name));
    }

    private static void media(AccountData creator, String uuid) {
        if (!creator.media().containsKey(uuid)) {
            throw new NoSuchElementException("no media " + uuid);
        }
    }

    private static void requireName(String name) {
        if (name == null || name.isEmpty() || name.length() > 255) {
            throw new IllegalArgumentException("folder names are 1-255 characters");
        }
    }
}
