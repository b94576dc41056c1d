package com.onyxos.stats.service;

import com.onyxos.common.fanvue.model.Chat;
import com.onyxos.common.fanvue.model.ChatPage;
import com.onyxos.common.fanvue.model.EarningsSummary;
import com.onyxos.common.fanvue.model.FanvueAccount;
import com.onyxos.common.fanvue.model.FanvueMedia;
import com.onyxos.common.fanvue.model.FanvuePost;
import com.onyxos.common.fanvue.model.FanvueUser;
import com.onyxos.common.fanvue.model.UnreadCounts;
import com.onyxos.stats.domain.StatField;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Which answer carries which figure: one mapping for the self paths, one for a creator the agency manages. */
final class CreatorReads {

    private CreatorReads() {}

    static StatsReading self(
            Answer<FanvueUser> me,
            Answer<FanvueAccount> account,
            Answer<EarningsSummary> summary,
            Answer<UnreadCounts> unread) {
        Map<StatField, Reading> fields = new EnumMap<>(StatField.class);
        revenue(fields, summary);
        fields.put(StatField.AVAILABLE_BALANCE, account.reading(CreatorReads::balance));
        fields.put(
                StatField.FOLLOWERS,
                me.reading(u -> u.fanCounts() == null ? null : u.fanCounts().followersCount()));
        fields.put(
                StatField.SUBSCRIBERS,
                me.reading(u -> u.fanCounts() == null ? null : u.fanCounts().subscribersCount()));
        fields.put(StatField.LIKES, me.reading(FanvueUser::likesCount));
        fields.put(StatField.POSTS, me.reading(content(FanvueUser.ContentCounts::postCount)));
        fields.put(StatField.IMAGES, me.reading(content(FanvueUser.ContentCounts::imageCount)));
        fields.put(StatField.VIDEOS, me.reading(content(FanvueUser.ContentCounts::videoCount)));
        fields.put(StatField.AUDIOS, me.reading(content(FanvueUser.ContentCounts::audioCount)));
        fields.put(StatField.UNREAD_CHATS, unread.reading(UnreadCounts::unreadChatsCount));
        fields.put(StatField.UNREAD_MESSAGES, unread.reading(UnreadCounts::unreadMessagesCount));
        StatsReading.Profile profile = me.value() == null
                ? null
                : new StatsReading.Profile(
                        me.value().handle(),
                        me.value().displayName(),
                        me.value().avatarUrl());
        return new StatsReading(fields, profile);
    }

    static StatsReading managed(
            Answer<FanvueAccount> account,
            Answer<EarningsSummary> summary,
            Answer<List<FanvuePost>> posts,
            Answer<List<FanvueMedia>> media,
            Answer<ChatPage> unread) {
        Map<StatField, Reading> fields = new EnumMap<>(StatField.class);
        revenue(fields, summary);
        fields.put(StatField.AVAILABLE_BALANCE, account.reading(CreatorReads::balance));
        fields.put(StatField.FOLLOWERS, account.reading(a -> fans(a) == null ? null : fans(a).followers()));
        fields.put(StatField.SUBSCRIBERS, account.reading(a -> fans(a) == null ? null : fans(a).subscribers()));
        fields.put(StatField.POSTS, posts.reading(List::size));
        fields.put(StatField.LIKES, posts.reading(list -> sumOrNull(list, FanvuePost::likesCount)));
        fields.put(StatField.IMAGES, media.reading(list -> countOf(list, "image")));
        fields.put(StatField.VIDEOS, media.reading(list -> countOf(list, "video")));
        fields.put(StatField.AUDIOS, media.reading(list -> countOf(list, "audio")));
        // One page of unread chats: exact up to the page size, a floor beyond it (never a walk over every page).
        fields.put(StatField.UNREAD_CHATS, unread.reading(page -> page.chats().size()));
        fields.put(
                StatField.UNREAD_MESSAGES, unread.reading(page -> sumOrNull(page.chats(), Chat::unreadMessagesCount)));
        StatsReading.Profile profile = account.value() == null
                ? null
                : new StatsReading.Profile(
                        account.value().handle(), account.value().displayName(), null);
        return new StatsReading(fields, profile);
    }

    private static void revenue(Map<StatField, Reading> fields, Answer<EarningsSummary> summary) {
        fields.put(
                StatField.REVENUE_TOTAL,
                summary.reading(s -> allTime(s) == null ? null : allTime(s).gross()));
        fields.put(
                StatField.REVENUE_NET_TOTAL,
                summary.reading(s -> allTime(s) == null ? null : allTime(s).net()));
    }

    private static EarningsSummary.Amounts allTime(EarningsSummary summary) {
        return summary.totals() == null ? null : summary.totals().allTime();
    }

    private static Long balance(FanvueAccount account) {
        return account.account() == null || account.account().earnings() == null
                ? null
                : account.account().earnings().availableBalance();
    }

    private static FanvueAccount.Fans fans(FanvueAccount account) {
        return account.account() == null ? null : account.account().fans();
    }

    private static Function<FanvueUser, Number> content(Function<FanvueUser.ContentCounts, Long> count) {
        return user -> user.contentCounts() == null ? null : count.apply(user.contentCounts());
    }

    /** The sum, or null when any row lacks the number (a partial sum would understate the figure). */
    private static <T> Long sumOrNull(List<T> rows, Function<T, Long> number) {
        long sum = 0;
        for (T row : rows) {
            Long value = number.apply(row);
            if (value == null) {
                return null;
            }
            sum += value;
        }
        return sum;
    }

    /** Media of one type, or null when a media item has no type (the counts would be uncertain). */
    private static Long countOf(List<FanvueMedia> media, String type) {
        long count = 0;
        for (FanvueMedia item : media) {
            if (item.mediaType() == null) {
                return null;
            }
            if (type.equals(item.mediaType())) {
                count++;
            }
        }
        return count;
    }
}
