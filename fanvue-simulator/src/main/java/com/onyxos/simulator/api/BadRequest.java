package com.onyxos.simulator.api;

/** A query Fanvue would refuse: answered 400 {@code {"errors":[message]}}. */
public final class BadRequest extends RuntimeException {
    public BadRequest(String message) {
        super(message, null, false, false);
    }
}
