package com.onyxos.vault.repository;

import java.math.BigDecimal;

/**
 * The ROI numbers of one asset; all 0 for an asset never sent.
 *
 * @param timesSent sends recorded
 * @param timesUnlocked unlocks recorded
 * @param totalRevenue revenue of the unlocks, in minor units
 * @param conversionRate unlocks per send, 0 to 1 with six decimals (see {@code RoiService})
 */
public record Performance(long timesSent, long timesUnlocked, long totalRevenue, BigDecimal conversionRate) {}
