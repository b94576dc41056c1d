package com.onyxos.simulator.http;

/** A page of either style that can pretend there is always more (the {@code hasMoreForever} fault). */
public interface Paged {
    /** The same page saying more follows: {@code hasMore=true}, or a non-null cursor past the end. */
    Paged forever();
}
