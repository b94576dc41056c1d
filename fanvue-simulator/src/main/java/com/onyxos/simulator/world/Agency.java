package com.onyxos.simulator.world;

import java.util.List;

/** An agency: its admin user (the account that connects over OAuth) and the creators it manages. */
public record Agency(String uuid, String name, SimUser admin, List<String> creatorUuids) {

    public boolean manages(String creatorUuid) {
        return creatorUuids.contains(creatorUuid);
    }
}
