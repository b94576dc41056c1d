package com.onyxos.simulator.world;

import java.time.Instant;

/** A Fanvue account of the simulated world: an agency admin, a creator or a fan. */
public record SimUser(
        String uuid,
        String email,
        String handle,
        String displayName,
        String nickname,
        boolean isCreator,
        Instant createdAt,
        String avatarUrl) {}
