package com.onyxos.stats.domain;

import com.onyxos.common.persistence.TenantEntity;
import com.onyxos.common.schema.ColumnTypes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A Fanvue creator an agency manages, with the latest figures and when each was refreshed. */
@Entity
@Table(name = "models")
public class Creator extends TenantEntity {

    @Column(name = "fanvue_user_uuid", nullable = false, updatable = false)
    public UUID fanvueUserUuid;

    @Column(nullable = false, columnDefinition = ColumnTypes.TEXT)
    public String handle;

    @Column(name = "display_name", columnDefinition = ColumnTypes.TEXT)
    public String displayName;

    @Column(name = "avatar_url", columnDefinition = ColumnTypes.TEXT)
    public String avatarUrl;

    /** active, paused or archived. */
    @Column(nullable = false, columnDefinition = ColumnTypes.TEXT)
    public String status;

    @Column(name = "revenue_total")
    public Long revenueTotal;

    @Column(name = "revenue_net_total")
    public Long revenueNetTotal;

    @Column(name = "available_balance")
    public Long availableBalance;

    @Column(name = "subscribers_count")
    public Integer subscribersCount;

    @Column(name = "followers_count")
    public Integer followersCount;

    @Column(name = "posts_count")
    public Integer postsCount;

    @Column(name = "likes_count")
    public Long likesCount;

    @Column(name = "image_count")
    public Integer imageCount;

    @Column(name = "video_count")
    public Integer videoCount;

    @Column(name = "audio_count")
    public Integer audioCount;

    @Column(name = "revenue_refreshed_at")
    public Instant revenueRefreshedAt;

    @Column(name = "subscribers_refreshed_at")
    public Instant subscribersRefreshedAt;

    @Column(name = "followers_refreshed_at")
    public Instant followersRefreshedAt;

    @Column(name = "posts_refreshed_at")
    public Instant postsRefreshedAt;

    @Column(name = "likes_refreshed_at")
    public Instant likesRefreshedAt;

    @Column(name = "image_refreshed_at")
    public Instant imageRefreshedAt;

    @Column(name = "video_refreshed_at")
    public Instant videoRefreshedAt;

    @Column(name = "audio_refreshed_at")
    public Instant audioRefreshedAt;

    @Column(name = "revenue_net_refreshed_at")
    public Instant revenueNetRefreshedAt;

    @Column(name = "available_balance_refreshed_at")
    public Instant availableBalanceRefreshedAt;

    @Column(name = "unread_chats_count")
    public Integer unreadChatsCount;

    @Column(name = "unread_messages_count")
    public Integer unreadMessagesCount;

    @Column(name = "unread_chats_refreshed_at")
    public Instant unreadChatsRefreshedAt;

    @Column(name = "unread_messages_refreshed_at")
    public Instant unreadMessagesRefreshedAt;

    /** The agency's own name for the creator. */
    @Column(columnDefinition = ColumnTypes.TEXT)
    public String nickname;

    /** agency, self or personal: how the last import reached the creator. */
    @Column(name = "seen_via", columnDefinition = ColumnTypes.TEXT)
    public String seenVia;

    /** Null while Fanvue lists the creator. */
    @Column(name = "not_listed_since")
    public Instant notListedSince;

    @Column(name = "stats_attempted_at")
    public Instant statsAttemptedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
