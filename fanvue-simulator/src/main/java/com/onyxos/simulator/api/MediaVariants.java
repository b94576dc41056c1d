package com.onyxos.simulator.api;

import com.onyxos.simulator.api.view.VariantView;
import com.onyxos.simulator.world.Media;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Variant URLs that look like a CDN's signed URLs and expire 10 minutes after they are handed out (real clock). */
final class MediaVariants {
    static final Set<String> TYPES = Set.of("main", "thumbnail", "blurred");
    static final String CDN = "https://media.fanvue-simulator.invalid/";
    private static final long TTL_SECONDS = 600;

    private MediaVariants() {}

    /** Null when no variant was requested, so the field is left out. */
    static List<VariantView> of(Media media, List<String> requested, long seed) {
        if (requested.isEmpty()) {
            return null;
        }
        for (String type : requested) {
            if (!TYPES.contains(type)) {
                throw new BadRequest("variants must be among " + TYPES);
            }
        }
        long expires = System.currentTimeMillis() / 1000 + TTL_SECONDS;
        return requested.stream()
                .map(type -> variant(media, type, expires, seed))
                .toList();
    }

    private static VariantView variant(Media media, String type, long expires, long seed) {
        String path = media.uuid() + "/" + type;
        String url = CDN + path + "?Expires=" + expires + "&Signature=" + sign(path + expires, seed);
        boolean visual = media.mediaType().equals("image") || media.mediaType().equals("video");
        boolean timed = media.mediaType().equals("video") || media.mediaType().equals("audio");
        int scale = type.equals("main") ? 1 : 4;
        int hash = Math.abs(media.uuid().hashCode());
        return new VariantView(
                type,
                url,
                visual ? 1080 / scale : null,
                visual ? (1350 + hash % 570) / scale : null,
                timed ? 5_000L + hash % 600_000 : null);
    }

    private static String sign(String text, long seed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Long.toString(seed).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
