package com.onyxos.simulator.world.generate;

import com.onyxos.simulator.world.SimUser;
import java.time.Duration;
import java.time.Instant;

/** Creates users with unique handles (the running index is part of each handle). */
final class UserFactory {
    static final String AVATAR_BASE = "https://media.fanvue-simulator.invalid/avatars/";

    private final Instant now;

    UserFactory(Instant now) {
        this.now = now;
    }

    SimUser admin(Dice dice, int agencyIndex) {
        String handle = "agency" + (agencyIndex + 1) + "_admin";
        return user(dice, handle, "Agency " + (agencyIndex + 1) + " Admin", false, Duration.ofDays(1500));
    }

    SimUser creator(Dice dice, int index) {
        String first = dice.pick(Names.FIRST);
        String last = dice.pick(Names.LAST);
        String display = Names.capitalized(first) + " " + Names.capitalized(last);
        return user(dice, first + last + (index + 1), display, true, Duration.ofDays(1000));
    }

    SimUser fan(Dice dice, int index) {
        String first = dice.pick(Names.FIRST);
        return user(
                dice,
                "fan_" + first + (index + 1),
                Names.capitalized(first) + " " + (index + 1),
                false,
                Duration.ofDays(700));
    }

    private SimUser user(Dice dice, String handle, String displayName, boolean creator, Duration maxAge) {
        String uuid = dice.uuid();
        Instant createdAt = dice.instant(now.minus(maxAge), now.minus(Duration.ofDays(120)));
        String nickname = dice.chance(0.5) ? null : displayName.split(" ")[0];
        String avatar = dice.chance(0.8) ? AVATAR_BASE + uuid + ".jpg" : null;
        return new SimUser(uuid, handle + "@example.test", handle, displayName, nickname, creator, createdAt, avatar);
    }
}
