package com.onyxos.simulator.api;

import com.onyxos.simulator.api.view.FolderMediaView;
import com.onyxos.simulator.api.view.FolderView;
import com.onyxos.simulator.world.Folder;
import com.onyxos.simulator.world.Media;
import java.util.List;
import java.util.Objects;

/** Vault folders and a folder's media; a folder is addressed by its (URL-encoded) name. */
final class VaultEndpoints {
    private VaultEndpoints() {}

    static void register(RouteTable table) {
        table.both("/vault/folders", r -> Pages.page(r.target().folders(), r.query(), FolderView::of), "read:media");
        table.both("/vault/folders/{folderName}/media", VaultEndpoints::folderMedia, "read:media");
    }

    private static Object folderMedia(ApiRequest r) {
        String name = r.pathParam("folderName");
        if (name == null || name.isEmpty() || name.length() > 255) {
            throw new BadRequest("folderName must be 1-255 characters");
        }
        Folder folder = r.target().folder(name).orElseThrow(() -> new NotFound("Folder not found"));
        List<Media> media = folder.mediaUuids().stream()
                .map(uuid -> r.target().media().get(uuid))
                .filter(Objects::nonNull)
                .toList();
        return Pages.page(media, r.query(), FolderMediaView::of);
    }
}
