package com.onyxos.vault.repository;

import java.math.BigDecimal;

/**
 * How one vault folder's active assets perform (the seed's folder query).
 *
 * @param folder the folder ({@code fanvue_folder}: the folder an asset was first seen in)
 * @param assetCount active assets in it
 * @param averageConversion mean conversion rate of those assets, those never sent counting as 0
 * @param totalRevenue revenue of those assets, minor units
 * @param timesSent sends of those assets
 * @param timesUnlocked unlocks of those assets
 */
public record FolderStats(
        String folder,
        long assetCount,
        BigDecimal averageConversion,
        long totalRevenue,
        long timesSent,
        long timesUnlocked) {}
