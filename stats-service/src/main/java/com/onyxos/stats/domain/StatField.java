package com.onyxos.stats.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A creator's figure: its name in the API, its value and time columns in {@code models}, and what kind of figure it
 * is (which decides what counts as an implausible drop).
 */
public enum StatField {
    REVENUE_TOTAL("revenueTotal", "revenue_total", "revenue_refreshed_at", Kind.MONEY_TOTAL),
    REVENUE_NET_TOTAL("revenueNetTotal", "revenue_net_total", "revenue_net_refreshed_at", Kind.MONEY_TOTAL),
    AVAILABLE_BALANCE("availableBalance", "available_balance", "available_balance_refreshed_at", Kind.BALANCE),
    SUBSCRIBERS("subscribers", "subscribers_count", "subscribers_refreshed_at", Kind.COUNT),
    FOLLOWERS("followers", "followers_count", "followers_refreshed_at", Kind.COUNT),
    POSTS("posts", "posts_count", "posts_refreshed_at", Kind.COUNT),
    LIKES("likes", "likes_count", "likes_refreshed_at", Kind.COUNT),
    IMAGES("images", "image_count", "image_refreshed_at", Kind.COUNT),
    VIDEOS("videos", "video_count", "video_refreshed_at", Kind.COUNT),
    AUDIOS("audios", "audio_count", "audio_refreshed_at", Kind.COUNT),
    UNREAD_CHATS("unreadChats", "unread_chats_count", "unread_chats_refreshed_at", Kind.UNREAD),
    UNREAD_MESSAGES("unreadMessages", "unread_messages_count", "unread_messages_refreshed_at", Kind.UNREAD);

    /** What a figure is; the plausibility bounds depend on it. */
    public enum Kind {
        /** A lifetime money total: only refunds lower it, and only a little. */
        MONEY_TOTAL,
        /** Money waiting for payout: a payout legitimately takes it to about zero, so any drop is plausible. */
        BALANCE,
        /** An audience or content count. */
        COUNT,
        /** Unread chats or messages: reading them takes the count to zero, so any drop is plausible. */
        UNREAD
    }

    private static final Map<String, StatField> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(StatField::apiName, Function.identity()));

    private final String apiName;
    private final String valueColumn;
    private final String refreshedColumn;
    private final Kind kind;

    StatField(String apiName, String valueColumn, String refreshedColumn, Kind kind) {
        this.apiName = apiName;
        this.valueColumn = valueColumn;
        this.refreshedColumn = refreshedColumn;
        this.kind = kind;
    }

    /** The figure's name in the API and in {@code stats_anomalies.field}. */
    public String apiName() {
        return apiName;
    }

    public String valueColumn() {
        return valueColumn;
    }

    public String refreshedColumn() {
        return refreshedColumn;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the column is a PostgreSQL {@code integer} (else {@code bigint}). */
    public boolean integerColumn() {
        return kind == Kind.COUNT && this != LIKES || kind == Kind.UNREAD;
    }

    /** The largest value the column holds; anything above is not a value Fanvue could mean. */
    public long maxValue() {
        return integerColumn() ? Integer.MAX_VALUE : Long.MAX_VALUE;
    }

    /** Whether a negative value is impossible (counts and unread counts). */
    public boolean nonNegative() {
        return kind == Kind.COUNT || kind == Kind.UNREAD;
    }

    public static Optional<StatField> byApiName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
