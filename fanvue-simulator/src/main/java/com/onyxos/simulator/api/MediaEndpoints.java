package com.onyxos.simulator.api;

import com.onyxos.simulator.api.view.MediaView;
import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.Chat;
import com.onyxos.simulator.world.Folder;
import com.onyxos.simulator.world.Media;
import com.onyxos.simulator.world.Post;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** {@code /media} with its filters and {@code /media/{uuid}}, both with optional variants. */
final class MediaEndpoints {
    static final Set<String> MEDIA_TYPES = Set.of("image", "video", "audio", "document");
    static final Set<String> USAGES = Set.of("post", "message", "unused");
    private static final Comparator<Media> NEWEST_FIRST =
            Comparator.comparing(Media::createdAt).reversed().thenComparing(Media::uuid);

    private MediaEndpoints() {}

    static void register(RouteTable table) {
        table.both("/media", MediaEndpoints::list, "read:media");
        table.both("/media/{uuid}", MediaEndpoints::one, "read:media");
    }

    private static Object list(ApiRequest r) {
        Predicate<Media> filter = filter(r);
        List<String> variants = r.query().list("variants");
        List<Media> media = r.target().media().values().stream()
                .filter(filter)
                .sorted(NEWEST_FIRST)
                .toList();
        return Pages.page(
                media,
                r.query(),
                m -> MediaView.of(m, MediaVariants.of(m, variants, r.settings().seed())));
    }

    private static Object one(ApiRequest r) {
        Media media = Optional.ofNullable(r.target().media().get(r.pathParam("uuid")))
                .orElseThrow(() -> new NotFound("Media not found"));
        return MediaView.of(
                media,
                MediaVariants.of(media, r.query().list("variants"), r.settings().seed()));
    }

    private static Predicate<Media> filter(ApiRequest r) {
        Predicate<Media> filter = m -> true;
        Optional<String> type = r.query().string("mediaType");
        if (type.isPresent()) {
            if (!MEDIA_TYPES.contains(type.get())) {
                throw new BadRequest("mediaType must be one of " + MEDIA_TYPES);
            }
            filter = filter.and(m -> m.mediaType().equals(type.get()));
        }
        List<String> statuses = r.query().list("status");
        if (!statuses.isEmpty()) {
            filter = filter.and(m -> statuses.contains(m.status()));
        }
        Optional<String> folderName = r.query().string("folderName");
        if (folderName.isPresent()) {
            Set<String> inFolder = r.target()
                    .folder(folderName.get())
                    .map(Folder::mediaUuids)
                    .map(HashSet::new)
                    .orElseGet(HashSet::new);
            filter = filter.and(m -> inFolder.contains(m.uuid()));
        }
        Optional<String> usage = r.query().string("usage");
        if (usage.isPresent()) {
            filter = filter.and(usage(r.target(), usage.get()));
        }
        return filter;
    }

    /** [?] usage: {@code post} (in a post), {@code message} (sent in a chat), {@code unused} (neither). */
    private static Predicate<Media> usage(AccountData account, String usage) {
        if (!USAGES.contains(usage)) {
            throw new BadRequest("usage must be one of " + USAGES);
        }
        Set<String> inPosts = new HashSet<>();
        account.posts().stream().map(Post::mediaUuids).forEach(inPosts::addAll);
        Set<String> inMessages = new HashSet<>();
        account.chats().stream()
                .map(Chat::messages)
                .flatMap(List::stream)
                .forEach(m -> inMessages.addAll(m.mediaUuids()));
        return switch (usage) {
            case "post" -> m -> inPosts.contains(m.uuid());
            case "message" -> m -> inMessages.contains(m.uuid());
            default -> m -> !inPosts.contains(m.uuid()) && !inMessages.contains(m.uuid());
        };
    }
}
