package com.onyxos.simulator.world.generate;

import com.onyxos.simulator.SimulatorSettings;
import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.AccountStatus;
import com.onyxos.simulator.world.SimUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Generates one creator's account, in a fixed order so the same dice give the same account. */
final class AccountGenerator {
    private final SimulatorSettings settings;
    private final Dice dice;
    private final List<SimUser> fanPool;

    AccountGenerator(SimulatorSettings settings, Dice dice, List<SimUser> fanPool) {
        this.settings = settings;
        this.dice = dice;
        this.fanPool = fanPool;
    }

    AccountData generate(SimUser creator) {
        AccountData account = new AccountData(creator, null);
        List<String> fans = dice.sample(fanPool, settings.fansPerCreator()).stream()
                .map(SimUser::uuid)
                .toList();
        int subscribers = (int) Math.round(fans.size() * 0.6);
        account.subscriberUuids().addAll(fans.subList(0, subscribers));
        account.followerUuids().addAll(fans.subList(subscribers, fans.size()));
        new VaultGenerator(settings, dice).fill(account);
        new PostGenerator(settings, dice).fill(account);
        new ChatGenerator(settings, dice).fill(account);
        List<String> linkUuids = new ArrayList<>();
        for (int i = 0; i < settings.trackingLinksPerCreator(); i++) {
            linkUuids.add(dice.uuid());
        }
        new EarningsGenerator(settings, dice).fill(account, linkUuids);
        new AudienceGenerator(settings, dice).fill(account, linkUuids);
        long total = account.earningsTotal();
        account.status(new AccountStatus(
                "active",
                Math.max(0, total * dice.between(5, 30) / 100),
                settings.now().minus(Duration.ofDays(dice.between(1, 14)))));
        return account;
    }
}
