package com.onyxos.common.fanvue;

import com.onyxos.common.fanvue.internal.ApiCall;
import com.onyxos.common.fanvue.internal.Decoder;
import com.onyxos.common.fanvue.internal.FanvueHttp;
import com.onyxos.common.fanvue.internal.Page;
import com.onyxos.common.fanvue.internal.Paginator;
import com.onyxos.common.fanvue.internal.Query;
import com.onyxos.common.fanvue.model.Chat;
import com.onyxos.common.fanvue.model.ChatMessage;
import com.onyxos.common.fanvue.model.ChatPage;
import com.onyxos.common.fanvue.model.Earning;
import com.onyxos.common.fanvue.model.EarningsSummary;
import com.onyxos.common.fanvue.model.FanvueAccount;
import com.onyxos.common.fanvue.model.FanvueFan;
import com.onyxos.common.fanvue.model.FanvueMedia;
import com.onyxos.common.fanvue.model.FanvuePost;
import com.onyxos.common.fanvue.model.FolderMedia;
import com.onyxos.common.fanvue.model.SubscriberDay;
import com.onyxos.common.fanvue.model.TopSpender;
import com.onyxos.common.fanvue.model.TrackingLink;
import com.onyxos.common.fanvue.model.VaultFolder;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One creator's data: the connected user's own (self paths), or a creator the connected agency manages
 * ({@code /creators/{creatorUserUuid}/...}, which Fanvue rate-limits in a bucket of that creator). Listings are
 * {@link Multi}s that fetch the next page (50 rows, Fanvue's maximum) only when asked for more.
 */
public final class FanvueCreatorApi {

    private static final int PAGE_SIZE = 50;
    private static final String CREATOR_PREFIX = "/creators/{creatorUserUuid}";

    private final FanvueHttp http;
    private final Paginator paginator;
    private final FanvueCredentials credentials;
    private final String creatorUuid;
    private final String pathPrefix;
    private final String routePrefix;

    FanvueCreatorApi(FanvueHttp http, Paginator paginator, FanvueCredentials credentials, String creatorUuid) {
        this.http = http;
        this.paginator = paginator;
        this.credentials = credentials;
        this.creatorUuid = creatorUuid;
        this.pathPrefix = creatorUuid == null ? "" : "/creators/" + Query.segment(creatorUuid);
        this.routePrefix = creatorUuid == null ? "" : CREATOR_PREFIX;
    }

    /** Profile and account: earnings total, balance, last payout, fan counts. */
    public Uni<FanvueAccount> account() {
        String path = creatorUuid == null ? "/users/account" : "/account";
        return http.get(
                call(path, path, Query.of()), Decoder.object(FanvueAccount.class, a -> a.uuid() != null, "uuid"));
    }

    /** Vault folders. */
    public Multi<VaultFolder> vaultFolders() {
        return pages("/vault/folders", "/vault/folders", Query.of(), VaultFolder.class, f -> f.name() != null);
    }

    /** The media of one vault folder, addressed by its name. */
    public Multi<FolderMedia> folderMedia(String folderName) {
        Objects.requireNonNull(folderName, "folderName");
        return pages(
                "/vault/folders/{folderName}/media",
                "/vault/folders/" + Query.segment(folderName) + "/media",
                Query.of(),
                FolderMedia.class,
                m -> m.uuid() != null);
    }

    /** Media items with their details. */
    public Multi<FanvueMedia> media(MediaQuery filter) {
        Query query = Query.of()
                .add("mediaType", filter.mediaType())
                .add("folderName", filter.folderName())
                .add("usage", filter.usage())
                .each("status", filter.statuses())
                .each("variants", filter.variants());
        return pages("/media", "/media", query, FanvueMedia.class, m -> m.uuid() != null);
    }

    /** One media item, with URLs of the given variants (signed and short-lived). */
    public Uni<FanvueMedia> mediaItem(String mediaUuid, List<String> variants) {
        Query query = Query.of().each("variants", variants);
        ApiCall call = call("/media/{uuid}", "/media/" + Query.segment(mediaUuid), query);
        return http.get(call, Decoder.object(FanvueMedia.class, m -> m.uuid() != null, "uuid"));
    }

    /** Earnings rows (refunds and chargebacks are negative), optionally of some sources only. */
    public Multi<Earning> earnings(DateRange range, List<String> sources) {
        Query query = dates(range).csv("source", sources);
        return cursors("/insights/earnings", query, "size", Earning.class, Earning::complete);
    }

    /** Totals, totals by source and a series by day or week. */
    public Uni<EarningsSummary> earningsSummary(DateRange range, String granularity, String timezone) {
        Query query = dates(range).add("granularity", granularity).add("timezone", timezone);
        String path = "/insights/earnings/summary";
        return http.get(
                call(path, path, query), Decoder.object(EarningsSummary.class, s -> s.totals() != null, "totals"));
    }

    /** The daily subscriber series. */
    public Multi<SubscriberDay> subscriberSeries(DateRange range) {
        return cursors("/insights/subscribers", dates(range), "size", SubscriberDay.class, SubscriberDay::complete);
    }

    /** Fans by what they spent. */
    public Multi<TopSpender> topSpenders(DateRange range) {
        String path = "/insights/top-spenders";
        return pages(path, path, dates(range), TopSpender.class, TopSpender::complete);
    }

    /** The first page of fans by what they spent (at most {@code size}, 1-50): a top-N in one call. */
    public Uni<List<TopSpender>> topSpendersPage(DateRange range, int size) {
        String path = "/insights/top-spenders";
        Query query = dates(range).add("page", 1).add("size", size);
        return http.get(call(path, path, query), Decoder.pageStyle(TopSpender.class, TopSpender::complete))
                .map(Page::items);
    }

    /** Active subscribers. */
    public Multi<FanvueFan> subscribers() {
        return pages("/subscribers", "/subscribers", Query.of(), FanvueFan.class, f -> f.uuid() != null);
    }

    /** Followers (active subscribers excluded). */
    public Multi<FanvueFan> followers() {
        return pages("/followers", "/followers", Query.of(), FanvueFan.class, f -> f.uuid() != null);
    }

    /** Chats. */
    public Multi<Chat> chats(ChatQuery filter) {
        Query query = Query.of()
                .each("filter", filter.filters())
                .add("search", filter.search())
                .add("sortBy", filter.sortBy());
        return pages("/chats", "/chats", query, Chat.class, c -> c.user() != null);
    }

    /**
     * The first page of chats (at most {@code size}, 1-50) and whether more exist: a count of, say, unread chats
     * in one call instead of a walk over every page.
     */
    public Uni<ChatPage> chatPage(ChatQuery filter, int size) {
        Query query = Query.of()
                .each("filter", filter.filters())
                .add("search", filter.search())
                .add("sortBy", filter.sortBy())
                .add("page", 1)
                .add("size", size);
        return http.get(call("/chats", "/chats", query), Decoder.pageStyle(Chat.class, c -> c.user() != null))
                .map(page -> new ChatPage(page.items(), page.hasMore()));
    }

    /** The messages of the chat with one fan: media sent, price, when unlocked. */
    public Multi<ChatMessage> chatMessages(String fanUuid) {
        return pages(
                "/chats/{userUuid}/messages",
                "/chats/" + Query.segment(fanUuid) + "/messages",
                Query.of(),
                ChatMessage.class,
                m -> m.uuid() != null);
    }

    /** Tracking links, optionally created in a period. */
    public Multi<TrackingLink> trackingLinks(Instant createdAfter, Instant createdBefore) {
        Query query = Query.of().add("createdAfter", createdAfter).add("createdBefore", createdBefore);
        return cursors("/tracking-links", query, "limit", TrackingLink.class, TrackingLink::complete);
    }

    /** Posts. */
    public Multi<FanvuePost> posts() {
        return pages("/posts", "/posts", Query.of(), FanvuePost.class, FanvuePost::complete);
    }

    private <T> Multi<T> pages(String route, String path, Query query, Class<T> item, Predicate<T> valid) {
        Decoder<Page<T>> decoder = Decoder.pageStyle(item, valid);
        return paginator.pages(routeOf(route), page -> {
            Query paged = copy(query).add("page", page).add("size", PAGE_SIZE);
            return http.get(call(route, path, paged), decoder);
        });
    }

    private <T> Multi<T> cursors(String path, Query query, String sizeName, Class<T> item, Predicate<T> valid) {
        Decoder<Page<T>> decoder = Decoder.cursorStyle(item, valid);
        return paginator.cursors(routeOf(path), cursor -> {
            Query paged = copy(query).add("cursor", cursor).add(sizeName, PAGE_SIZE);
            return http.get(call(path, path, paged), decoder);
        });
    }

    private ApiCall call(String route, String path, Query query) {
        return new ApiCall(
                routeOf(route),
                pathPrefix + path,
                query.build(),
                new ApiCall.BucketKey(credentials.fanvueUserId(), creatorUuid),
                credentials.tokens());
    }

    private String routeOf(String route) {
        return "GET " + routePrefix + route;
    }

    private static Query dates(DateRange range) {
        return Query.of().add("startDate", range.start()).add("endDate", range.end());
    }

    private static Query copy(Query query) {
        Query copy = Query.of();
        query.build().forEach(parameter -> copy.add(parameter.getKey(), parameter.getValue()));
        return copy;
    }
}
