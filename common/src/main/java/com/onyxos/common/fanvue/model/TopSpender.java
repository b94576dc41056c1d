package com.onyxos.common.fanvue.model;

/** A row of {@code GET /insights/top-spenders}: what one fan spent (USD cents) and how many messages. */
public record TopSpender(long gross, long net, Long messages, FanvueFan user) {}
