package com.onyxos.simulator.http;

/** A synchronous request processor behind the {@link Dispatcher}; it must not block. */
@FunctionalInterface
public interface Endpoint {
    SimResponse handle(Exchange exchange);

    /** True when the endpoint applies rate limits itself (and so injected 429s, which block its bucket). */
    default boolean rateLimited() {
        return false;
    }
}
