package com.onyxos.common.broker;

/** The token broker answered 401 to this service's bearer token: it is renewed once, then this is the failure. */
public class ServiceCredentialsRejectedException extends RuntimeException {

    public ServiceCredentialsRejectedException(String message) {
        super(message);
    }
}
