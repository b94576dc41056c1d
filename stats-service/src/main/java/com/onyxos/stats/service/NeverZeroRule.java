package com.onyxos.stats.service;

import com.onyxos.stats.domain.StatField;
import com.onyxos.stats.repository.Figure;
import com.onyxos.stats.repository.LockedFigures.PendingValue;
import java.time.Duration;
import java.time.Instant;

/**
 * The never-zero rule for one figure: a value is written only from a successful, well-formed answer that carries it
 * (or, for revenue Fanvue's answer lacks, from synced earnings: exact over a complete history, else a lower bound that
 * never lowers the stored value), and an implausible drop is held until a later refresh confirms it. Pure:
 * {@link StatsWriter} applies the decision.
 */
public final class NeverZeroRule {

    private final Plausibility plausibility;
    private final Duration confirmAfter;

    public NeverZeroRule(Plausibility plausibility, Duration confirmAfter) {
        this.plausibility = plausibility;
        this.confirmAfter = confirmAfter;
    }

    /** What to do with {@code reading} given the stored figure and the value held for it (null when none). */
    public Decision decide(StatField field, Figure stored, PendingValue pending, Reading reading, Instant now) {
        if (reading instanceof Reading.Absent absent) {
            return new Decision.Keep(absent.reason(), absent.received(), absent.detail());
        }
        if (reading instanceof Reading.Floor floor) {
            if (stored.value() != null && floor.value() < stored.value()) {
                Reading.Absent fanvue = floor.fanvue();
                return new Decision.Keep(
                        fanvue.reason(),
                        fanvue.received(),
                        fanvue.detail() + "; " + floor.source() + " give " + floor.value()
                                + ", a lower bound below the stored value");
            }
            return new Decision.Write(floor.value(), pending != null);
        }
        long value = ((Reading.Value) reading).value();
        if (value > field.maxValue() || field.nonNegative() && value < 0) {
            return new Decision.Keep(KeptReason.ERROR, Long.toString(value), "a value out of range");
        }
        if (stored.value() == null || plausibility.plausible(field, stored.value(), value)) {
            return new Decision.Write(value, pending != null);
        }
        if (pending != null && plausibility.plausible(field, pending.value(), value)) {
            if (!pending.receivedAt().plus(confirmAfter).isAfter(now)) {
                return new Decision.Write(value, true);
            }
            return new Decision.Keep(
                    KeptReason.IMPLAUSIBLE,
                    Long.toString(value),
                    "a drop from " + stored.value() + " held since " + pending.receivedAt() + "; a refresh at least "
                            + confirmAfter.toSeconds() + " s after it must confirm it");
        }
        return new Decision.Hold(value, stored.value());
    }

    /** The outcome for one figure. */
    public sealed interface Decision {

        /** Write the value (and its time); {@code releasePending}: drop the value held for the figure. */
        record Write(long value, boolean releasePending) implements Decision {}

        /** Keep the stored value; record why. */
        record Keep(KeptReason reason, String received, String detail) implements Decision {}

        /** Keep the stored value and hold this one until a later refresh confirms it. */
        record Hold(long value, long stored) implements Decision {
            public String detail() {
                return "a drop from " + stored + " to " + value + " beyond the plausibility bounds: held until a"
                        + " later refresh confirms it";
            }
        }
    }
}
