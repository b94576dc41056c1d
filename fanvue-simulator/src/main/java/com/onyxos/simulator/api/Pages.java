package com.onyxos.simulator.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Both pagination styles over a stably ordered list. Cursors are opaque: base64url of {@code offset:<n>}.
 */
public final class Pages {
    public static final int PAGE_DEFAULT_SIZE = 15;
    public static final int CURSOR_DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 50;
    private static final String PREFIX = "offset:";

    private Pages() {}

    /** Page style: {@code page} (>= 1) and {@code size} (1-50). */
    public static <T, R> PageResponse<R> page(List<T> all, Query query, Function<T, R> view) {
        int page = query.integer("page", 1, 1, Integer.MAX_VALUE);
        int size = query.integer("size", PAGE_DEFAULT_SIZE, 1, MAX_SIZE);
        long from = (long) (page - 1) * size;
        int start = (int) Math.min(from, all.size());
        int end = (int) Math.min(from + size, all.size());
        List<R> data = all.subList(start, end).stream().map(view).toList();
        return new PageResponse<>(data, new Pagination(page, size, from + size < all.size()));
    }

    /** Cursor style: {@code cursor} and a size parameter named {@code sizeParam} ({@code size} or {@code limit}). */
    public static <T, R> CursorResponse<R> cursor(List<T> all, Query query, String sizeParam, Function<T, R> view) {
        int size = query.integer(sizeParam, CURSOR_DEFAULT_SIZE, 1, MAX_SIZE);
        int offset = query.string("cursor").map(Pages::decode).orElse(0);
        int start = Math.min(offset, all.size());
        int end = (int) Math.min((long) offset + size, all.size());
        List<R> data = all.subList(start, end).stream().map(view).toList();
        String next = end < all.size() ? encode(end) : null;
        return new CursorResponse<>(data, next, encode(Math.max(all.size(), end)));
    }

    static String encode(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                int offset = Integer.parseInt(text.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64 or not a number: the same answer as any other foreign cursor
        }
        throw new BadRequest("cursor is invalid");
    }
}
