package com.onyxos.stats.service;

import java.util.Locale;

/** Why a stored figure was kept instead of replaced; the {@code stats_anomalies.kind} of the row it leaves. */
public enum KeptReason {
    /** The answer was well-formed but did not carry the figure (absent or null). */
    MISSING,
    /** The answer was empty: no body, {@code {}} or {@code []}. */
    EMPTY,
    /** No usable answer: an HTTP error, a timeout, a reset, a truncated or wrongly typed body, no connection. */
    ERROR,
    /** A drop beyond the plausibility bounds: held until the next refresh confirms it. */
    IMPLAUSIBLE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
