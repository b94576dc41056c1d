package com.onyxos.simulator.api.view;

/** A fan's spending in the window (USD cents); {@code messages}: messages the fan bought in it. */
public record TopSpenderView(long gross, long net, int messages, FanView user) {}
