package com.onyxos.common.fanvue.internal;

import com.onyxos.common.fanvue.FanvueClientSettings;
import com.onyxos.common.fanvue.FanvueException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Walks Fanvue listings as {@link Multi}s, one page at a time (the next page is requested only when the previous
 * one has been consumed), and guards against listings that never end: at most {@code maxPages} pages, and a failure
 * after {@code maxEmptyPages} consecutive empty pages that still announce more, or a cursor that repeats.
 */
public final class Paginator {

    private final FanvueClientSettings.Pagination guards;

    public Paginator(FanvueClientSettings.Pagination guards) {
        this.guards = guards;
    }

    /** Page style: pages 1, 2, ... while {@code hasMore}. */
    public <T> Multi<T> pages(String route, IntFunction<Uni<Page<T>>> fetchPage) {
        return Multi.createBy()
                .repeating()
                .uni(
                        () -> new Walk(route),
                        walk -> fetchPage.apply(walk.pages + 1).invoke(walk::check))
                .whilst(Page::hasMore)
                .onItem()
                .transformToIterable(Page::items);
    }

    /** Cursor style: no cursor first, then each {@code nextCursor} until it is null. */
    public <T> Multi<T> cursors(String route, Function<String, Uni<Page<T>>> fetchAfter) {
        return Multi.createBy()
                .repeating()
                .uni(
                        () -> new Walk(route),
                        walk -> fetchAfter.apply(walk.cursor).invoke(walk::check))
                .whilst(Page::hasMore)
                .onItem()
                .transformToIterable(Page::items);
    }

    /** The state of one subscription's walk. */
    private final class Walk {
        private final String route;
        private int pages;
        private int emptyInARow;
        private String cursor;

        Walk(String route) {
            this.route = route;
        }

        void check(Page<?> page) {
            pages++;
            emptyInARow = page.items().isEmpty() && page.hasMore() ? emptyInARow + 1 : 0;
            if (emptyInARow >= guards.maxEmptyPages()) {
                throw new FanvueException.EndlessPagination(
                        route, emptyInARow + " empty pages in a row still announce more");
            }
            if (page.hasMore() && pages >= guards.maxPages()) {
                throw new FanvueException.EndlessPagination(route, "more than " + guards.maxPages() + " pages");
            }
            if (page.nextCursor() != null && Objects.equals(page.nextCursor(), cursor)) {
                throw new FanvueException.EndlessPagination(route, "the cursor repeats");
            }
            cursor = page.nextCursor();
        }
    }
}
