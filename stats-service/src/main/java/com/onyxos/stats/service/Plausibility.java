package com.onyxos.stats.service;

import com.onyxos.stats.config.StatsConfig;
import com.onyxos.stats.domain.StatField;

/**
 * Whether a change of a figure in one refresh is believable: a lifetime revenue total falls by at most
 * {@code revenueDrop}, a count by at most {@code countDrop} and never to zero from above {@code zeroFrom}; balances and
 * unread counts may fall to anything (payouts, reading).
 */
public record Plausibility(double revenueDrop, double countDrop, long zeroFrom) {

    public static Plausibility of(StatsConfig.Plausibility config) {
        return new Plausibility(config.revenueDrop(), config.countDrop(), config.zeroFrom());
    }

    /** Whether going from {@code from} to {@code to} is plausible for {@code field}. */
    public boolean plausible(StatField field, long from, long to) {
        if (to >= from) {
            return true;
        }
        return switch (field.kind()) {
            case BALANCE, UNREAD -> true;
            case MONEY_TOTAL -> from <= 0 || to >= from * (1 - revenueDrop);
            case COUNT -> !(to == 0 && from > zeroFrom) && to >= from * (1 - countDrop);
        };
    }
}
