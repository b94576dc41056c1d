package com.onyxos.common.fanvue.model;

/**
 * A row of {@code GET /insights/top-spenders}: what one fan spent (USD cents) and how many messages they bought;
 * {@code messages} may be absent (null), amounts and the fan may not ({@link #complete()}).
 */
public record TopSpender(Long gross, Long net, Long messages, FanvueFan user) {

    /** Whether the row names its fan and carries both amounts. */
    public boolean complete() {
        return gross != null && net != null && user != null && user.uuid() != null;
    }
}
