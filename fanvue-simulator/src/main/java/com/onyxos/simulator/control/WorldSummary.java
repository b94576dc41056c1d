package com.onyxos.simulator.control;

import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.Agency;
import com.onyxos.simulator.world.SimUser;
import com.onyxos.simulator.world.World;
import java.util.List;

/** {@code GET /_simulator/world}: who is in the world, for tests and demos to pick users and creators from. */
public record WorldSummary(long seed, UserRef demoUser, List<AgencySummary> agencies) {

    /** A user's identity. */
    public record UserRef(String uuid, String handle, String displayName) {
        static UserRef of(SimUser user) {
            return new UserRef(user.uuid(), user.handle(), user.displayName());
        }
    }

    /** An agency, its admin and its creators with the sizes of their data. */
    public record AgencySummary(String uuid, String name, UserRef admin, List<CreatorSummary> creators) {}

    /** A creator and how much data it has. */
    public record CreatorSummary(
            String uuid,
            String handle,
            String displayName,
            int folders,
            int media,
            int earnings,
            int chats,
            int posts) {
        static CreatorSummary of(AccountData a) {
            SimUser u = a.user();
            return new CreatorSummary(
                    u.uuid(),
                    u.handle(),
                    u.displayName(),
                    a.folders().size(),
                    a.media().size(),
                    a.earnings().size(),
                    a.chats().size(),
                    a.posts().size());
        }
    }

    public static WorldSummary of(World world, long seed) {
        List<AgencySummary> agencies = world.agencies().stream()
                .map((Agency a) -> new AgencySummary(
                        a.uuid(),
                        a.name(),
                        UserRef.of(a.admin()),
                        a.creatorUuids().stream()
                                .map(c -> CreatorSummary.of(world.creator(c)))
                                .toList()))
                .toList();
        return new WorldSummary(seed, UserRef.of(world.demoUser()), agencies);
    }
}
