package com.onyxos.stats.service;

/** What one answer said about one figure: a value, or why it gave none. */
public sealed interface Reading {

    /** The route (and trigger) that answered, for anomalies and reports. */
    String source();

    /** A figure from a successful, well-formed answer that carried it. */
    record Value(long value, String source) implements Reading {}

    /**
     * A lower bound of the figure from our own data when Fanvue's answer lacked it: a creator's synced earnings
     * since the sync's coverage start are at most its lifetime total. Written only where it does not lower the stored
     * value (nothing stored, or at least as much); otherwise the stored value stays, for the reason Fanvue gave none.
     *
     * @param value the bound
     * @param source where it comes from
     * @param fanvue why Fanvue's answer gave no value
     */
    record Floor(long value, String source, Absent fanvue) implements Reading {}

    /**
     * No value: the stored one stays.
     *
     * @param reason why
     * @param received what arrived instead (null, a raw body excerpt, a status), for the anomaly row
     * @param detail the Fanvue error or what was wrong
     * @param source the route that answered
     */
    record Absent(KeptReason reason, String received, String detail, String source) implements Reading {}
}
