package com.onyxos.simulator.api;

/** A missing resource: answered 404 {@code {"message":...}}. */
public final class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message, null, false, false);
    }
}
