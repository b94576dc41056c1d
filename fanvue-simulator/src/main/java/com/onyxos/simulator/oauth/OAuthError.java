package com.onyxos.simulator.oauth;

/** An RFC 6749 error: {@code error} code and human description. */
public final class OAuthError extends RuntimeException {
    private final String error;

    public OAuthError(String error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }
}
