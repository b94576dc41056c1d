package com.onyxos.simulator.ratelimit;

/** How a rate bucket gets its tokens back. */
public enum RateRefill {
    /** A token bucket: {@code capacity} tokens per window, trickling back all the time. */
    CONTINUOUS,
    /**
     * A fixed window: the window starts with the bucket's first request, and its {@code capacity} tokens all come
     * back when it ends ({@code X-RateLimit-Reset}), none before.
     */
    WINDOW
}
