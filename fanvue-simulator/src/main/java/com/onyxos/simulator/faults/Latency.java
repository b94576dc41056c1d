package com.onyxos.simulator.faults;

/** Latency added to every Fanvue request: {@code fixedMs} plus a uniform random 0..{@code randomMs}. */
public record Latency(long fixedMs, long randomMs) {
    public static final Latency NONE = new Latency(0, 0);

    public Latency {
        if (fixedMs < 0 || randomMs < 0) {
            throw new IllegalArgumentException("latency must not be negative");
        }
    }
}
