package com.onyxos.stats.rest;

import com.onyxos.stats.domain.StatField;
import com.onyxos.stats.repository.CreatorRow;
import java.time.Instant;
import java.util.UUID;

/**
 * A creator's figures: money in minor units (USD cents); each with its time and stale flag.
 *
 * @param creatorId the creator
 * @param connection {@code active}, {@code reauth_required} (an admin must reconnect Fanvue; nothing is read
 *     meanwhile) or {@code not_connected}
 * @param stale true when any figure is stale
 * @param revenueTotal lifetime gross earnings
 * @param revenueNetTotal lifetime net earnings
 * @param availableBalance earnings not paid out yet
 * @param subscribers active subscribers
 * @param followers followers (subscribers excluded)
 * @param posts posts
 * @param likes likes over all posts
 * @param images image media
 * @param videos video media
 * @param audios audio media
 * @param unreadChats unread chats (agency-read creators: counted on one page of 50; 50 means 50 or more)
 * @param unreadMessages unread messages in those chats
 */
public record StatsView(
        UUID creatorId,
        String connection,
        boolean stale,
        FigureView revenueTotal,
        FigureView revenueNetTotal,
        FigureView availableBalance,
        FigureView subscribers,
        FigureView followers,
        FigureView posts,
        FigureView likes,
        FigureView images,
        FigureView videos,
        FigureView audios,
        FigureView unreadChats,
        FigureView unreadMessages) {

    public static StatsView of(CreatorRow row, Instant staleBefore) {
        FigureView[] figures = new FigureView[StatField.values().length];
        boolean stale = false;
        for (StatField field : StatField.values()) {
            figures[field.ordinal()] = FigureView.of(row.figure(field), staleBefore);
            stale |= figures[field.ordinal()].stale();
        }
        return new StatsView(
                row.id(),
                row.connection(),
                stale,
                figures[StatField.REVENUE_TOTAL.ordinal()],
                figures[StatField.REVENUE_NET_TOTAL.ordinal()],
                figures[StatField.AVAILABLE_BALANCE.ordinal()],
                figures[StatField.SUBSCRIBERS.ordinal()],
                figures[StatField.FOLLOWERS.ordinal()],
                figures[StatField.POSTS.ordinal()],
                figures[StatField.LIKES.ordinal()],
                figures[StatField.IMAGES.ordinal()],
                figures[StatField.VIDEOS.ordinal()],
                figures[StatField.AUDIOS.ordinal()],
                figures[StatField.UNREAD_CHATS.ordinal()],
                figures[StatField.UNREAD_MESSAGES.ordinal()]);
    }
}
