package com.onyxos.common.fanvue.model;

import java.time.Instant;

/** A vault folder; Fanvue addresses folders by name. {@code createdAt} may be null. */
public record VaultFolder(String name, Instant createdAt, Long mediaCount) {}
