package com.onyxos.common.broker;

/** The token broker could not be reached or failed; worth a retry, and counted by the breaker. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String message) {
        super(message);
    }
}
