package com.onyxos.simulator.world.generate;

import com.onyxos.simulator.SimulatorSettings;
import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.Chat;
import com.onyxos.simulator.world.Earning;
import com.onyxos.simulator.world.Message;
import com.onyxos.simulator.world.Post;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Earnings: one {@code message} row per purchased message, {@code post} rows for post purchases, {@code tip} rows on
 * posts, then every other source until the configured count; finally refunds and chargebacks of some rows.
 */
final class EarningsGenerator {
    /** Sources that are not tied to a message or a post; {@code tip} also appears on posts. */
    static final List<String> OTHER_SOURCES = List.of(
            "affiliate",
            "appStore",
            "checkoutLink",
            "mediaLink",
            "referral",
            "renewal",
            "subscription",
            "tip",
            "giveaway");
    /** Fanvue keeps 20 %: net is 80 % of gross, rounded down. */
    static final int NET_PERCENT = 80;

    private final SimulatorSettings settings;
    private final Dice dice;
    private final Instant start;
    private final Instant now;

    EarningsGenerator(SimulatorSettings settings, Dice dice) {
        this.settings = settings;
        this.dice = dice;
        this.now = settings.now();
        this.start = now.minus(Duration.ofDays(settings.days()));
    }

    void fill(AccountData account, List<String> linkUuids) {
        List<String> fans = new ArrayList<>(account.subscriberUuids());
        fans.addAll(account.followerUuids());
        List<Earning> rows = new ArrayList<>();
        for (Chat chat : account.chats()) {
            for (Message m : chat.messages()) {
                if (m.purchasedAt() != null) {
                    rows.add(row(m.purchasedAt(), m.price(), "message", chat.fanUuid(), m.uuid(), null, null));
                }
            }
        }
        for (int i = 0; i < account.posts().size(); i++) {
            addPostRows(rows, account.posts().get(i), fans, i == 0);
        }
        for (int i = 0; rows.size() < settings.earningsPerCreator() || i < OTHER_SOURCES.size(); i++) {
            String source = i < OTHER_SOURCES.size() ? OTHER_SOURCES.get(i) : dice.pick(OTHER_SOURCES);
            rows.add(otherRow(source, fans, linkUuids));
        }
        addReversals(rows);
        account.earnings().addAll(rows);
        account.earningsChanged();
    }

    private void addPostRows(List<Earning> rows, Post post, List<String> fans, boolean first) {
        if (fans.isEmpty()) {
            return;
        }
        if (post.price() != null) {
            for (int k = dice.between(first ? 1 : 0, 3); k > 0; k--) {
                rows.add(row(
                        dice.instant(post.createdAt(), now),
                        post.price(),
                        "post",
                        dice.pick(fans),
                        null,
                        post.uuid(),
                        null));
            }
        }
        if (dice.chance(0.3)) {
            rows.add(row(
                    dice.instant(post.createdAt(), now),
                    dice.price(),
                    "tip",
                    dice.pick(fans),
                    null,
                    post.uuid(),
                    null));
        }
    }

    private Earning otherRow(String source, List<String> fans, List<String> linkUuids) {
        boolean anonymous = fans.isEmpty() || source.equals("affiliate") || source.equals("referral");
        String fan = anonymous ? null : dice.pick(fans);
        String link =
                source.equals("subscription") && !linkUuids.isEmpty() && dice.chance(0.3) ? dice.pick(linkUuids) : null;
        return row(dice.instant(start, now), dice.price(), source, fan, null, null, link);
    }

    private Earning row(Instant date, long gross, String source, String fan, String message, String post, String link) {
        // Referral payouts are reported without a currency, so the client meets the documented null.
        String currency = source.equals("referral") ? null : "USD";
        return new Earning(
                date,
                gross,
                gross * NET_PERCENT / 100,
                currency,
                source,
                fan,
                dice.uuid(),
                "completed",
                message,
                post,
                link);
    }

    /** Refunds and chargebacks: negative rows repeating the original's order id, dated after it. */
    private void addReversals(List<Earning> rows) {
        int originals = rows.size();
        for (int i = 0; i < originals; i++) {
            double roll = dice.between(0, 999) / 1000.0;
            String kind = i == 0 || roll < 0.03 ? "refunded" : i == 1 || roll < 0.04 ? "chargeback" : null;
            if (kind != null) {
                Earning o = rows.get(i);
                Instant later = o.date().plus(Duration.ofDays(dice.between(1, 10)));
                Instant date = later.isBefore(now) ? later : now.minusSeconds(1);
                rows.add(new Earning(
                        date,
                        -o.gross(),
                        -o.net(),
                        o.currency(),
                        o.source(),
                        o.fanUuid(),
                        o.transactionOrderId(),
                        kind,
                        o.messageUuid(),
                        o.postUuid(),
                        o.trackingLinkUuid()));
            }
        }
    }
}
