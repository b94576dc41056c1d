package com.onyxos.simulator.world.generate;

import com.onyxos.simulator.SimulatorSettings;
import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.AccountStatus;
import com.onyxos.simulator.world.Agency;
import com.onyxos.simulator.world.SimUser;
import com.onyxos.simulator.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Builds the whole world from the settings' seed and sizes: same settings, same world, byte for byte. */
public final class WorldGenerator {
    private WorldGenerator() {}

    public static World generate(SimulatorSettings settings) {
        Dice root = new Dice(new SplittableRandom(settings.seed()));
        UserFactory users = new UserFactory(settings.now());
        World world = new World();
        List<SimUser> fans = new ArrayList<>();
        Dice fanDice = root.split();
        for (int i = 0; i < settings.fanPool(); i++) {
            SimUser fan = users.fan(fanDice, i);
            fans.add(fan);
            world.addUser(fan);
        }
        int creatorIndex = 0;
        for (int a = 0; a < settings.agencies(); a++) {
            Dice agencyDice = root.split();
            SimUser admin = users.admin(agencyDice, a);
            world.addUser(admin);
            world.addAccount(new AccountData(admin, new AccountStatus("active", 0, null)));
            List<String> creatorUuids = new ArrayList<>();
            for (int c = 0; c < settings.creatorsPerAgency(); c++) {
                Dice creatorDice = agencyDice.split();
                SimUser creator = users.creator(creatorDice, creatorIndex++);
                world.addUser(creator);
                world.addAccount(new AccountGenerator(settings, creatorDice, fans).generate(creator));
                creatorUuids.add(creator.uuid());
            }
            world.agencies().add(new Agency(agencyDice.uuid(), "Agency " + (a + 1), admin, List.copyOf(creatorUuids)));
        }
        world.demoUserUuid(demoUser(settings, world));
        return world;
    }

    private static String demoUser(SimulatorSettings settings, World world) {
        if (settings.demoUser() == null || settings.demoUser().isBlank()) {
            return world.agencies().get(0).admin().uuid();
        }
        return world.userByUuidOrHandle(settings.demoUser())
                .orElseThrow(() -> new IllegalArgumentException("demo user not in the world: " + settings.demoUser()))
                .uuid();
    }
}
