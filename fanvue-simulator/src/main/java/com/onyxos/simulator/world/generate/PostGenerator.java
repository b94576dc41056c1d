package com.onyxos.simulator.world.generate;

import com.onyxos.simulator.SimulatorSettings;
import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.Post;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Posts with vault media; about a third are pay-to-view. */
final class PostGenerator {
    private final SimulatorSettings settings;
    private final Dice dice;

    PostGenerator(SimulatorSettings settings, Dice dice) {
        this.settings = settings;
        this.dice = dice;
    }

    void fill(AccountData account) {
        List<String> media = new ArrayList<>(account.media().keySet());
        for (int i = 0; i < settings.postsPerCreator(); i++) {
            account.posts()
                    .add(new Post(
                            dice.uuid(),
                            dice.instant(settings.now().minus(Duration.ofDays(settings.days())), settings.now()),
                            Names.sentence(dice, dice.between(3, 12)),
                            i == 0 || dice.chance(0.3) ? dice.price() : null,
                            dice.chance(0.7) ? "subscribers" : "followersAndSubscribers",
                            dice.sample(media, dice.between(i == 0 ? 1 : 0, 4)),
                            dice.between(0, 500),
                            dice.between(0, 60)));
        }
    }
}
