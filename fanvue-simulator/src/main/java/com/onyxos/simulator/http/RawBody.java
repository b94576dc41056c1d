package com.onyxos.simulator.http;

/** A body sent exactly as given, not serialized: empty or truncated JSON from fault injection. */
public record RawBody(String text) {}
