package com.onyxos.stats.repository;

import java.util.UUID;

/**
 * One fan in Fanvue's top-spenders listing of a creator.
 *
 * @param fanUuid the fan
 * @param handle the fan's handle
 * @param displayName the fan's display name
 * @param gross what the fan spent, gross (minor units)
 * @param net net
 * @param messages messages bought, null when Fanvue does not say
 * @param rank position in the listing, 1 = highest
 */
public record SpenderRow(
        UUID fanUuid, String handle, String displayName, long gross, long net, Long messages, int rank) {}
