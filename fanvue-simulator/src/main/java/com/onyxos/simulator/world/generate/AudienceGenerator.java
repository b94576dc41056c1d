package com.onyxos.simulator.world.generate;

import com.onyxos.simulator.SimulatorSettings;
import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.Earning;
import com.onyxos.simulator.world.SubscriberDay;
import com.onyxos.simulator.world.TrackingLink;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The daily subscriber series (ending on today's subscriber count) and tracking links (their acquired subscribers
 * are the fans of the subscription rows attributed to them).
 */
final class AudienceGenerator {
    private final SimulatorSettings settings;
    private final Dice dice;

    AudienceGenerator(SimulatorSettings settings, Dice dice) {
        this.settings = settings;
        this.dice = dice;
    }

    void fill(AccountData account, List<String> linkUuids) {
        fillSeries(account);
        for (int i = 0; i < linkUuids.size(); i++) {
            account.trackingLinks().add(link(account, linkUuids.get(i), i));
        }
    }

    /** Built backwards from the last day, so the series ends on the current subscriber count and never dips below 0. */
    private void fillSeries(AccountData account) {
        LocalDate lastDay = LocalDate.ofInstant(settings.now(), ZoneOffset.UTC).minusDays(1);
        List<SubscriberDay> reversed = new ArrayList<>();
        int total = account.subscriberUuids().size();
        for (int d = 0; d < settings.days(); d++) {
            int added = Math.min(total, dice.between(0, 4));
            int cancelled = dice.between(0, 2);
            reversed.add(new SubscriberDay(lastDay.minusDays(d), total, added, cancelled));
            total = total - added + cancelled;
        }
        for (int i = reversed.size() - 1; i >= 0; i--) {
            account.subscriberSeries().add(reversed.get(i));
        }
    }

    private TrackingLink link(AccountData account, String uuid, int index) {
        String platform = dice.pick(Names.PLATFORMS);
        int acquired = (int) account.earnings().stream()
                .filter(e -> uuid.equals(e.trackingLinkUuid()))
                .map(Earning::fanUuid)
                .filter(Objects::nonNull)
                .distinct()
                .count();
        int followers = dice.between(0, 40);
        return new TrackingLink(
                uuid,
                Names.capitalized(platform) + " link " + (index + 1),
                "https://www.fanvue.com/" + account.user().handle() + "?utm_source=" + platform + "&tl="
                        + uuid.substring(0, 8),
                platform,
                dice.instant(
                        settings.now().minus(Duration.ofDays(2L * settings.days())),
                        settings.now().minus(Duration.ofDays(1))),
                dice.between(acquired + followers, 5000),
                acquired,
                followers,
                acquired + dice.between(0, 10),
                followers + dice.between(0, 20));
    }
}
