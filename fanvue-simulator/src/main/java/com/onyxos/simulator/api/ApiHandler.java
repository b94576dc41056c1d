package com.onyxos.simulator.api;

/** Answers one authorized API request: a 200 body or a SimResponse; throws BadRequest or NotFound. */
@FunctionalInterface
public interface ApiHandler {
    Object handle(ApiRequest request);
}
