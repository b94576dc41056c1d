package com.onyxos.simulator.oauth;

/** An issued access token; its expiry is on the real clock and can be forced into the past. */
public final class AccessToken {
    private final String value;
    private final Grant grant;
    private long expiresAtMillis;

    AccessToken(String value, Grant grant, long expiresAtMillis) {
        this.value = value;
        this.grant = grant;
        this.expiresAtMillis = expiresAtMillis;
    }

    public String value() {
        return value;
    }

    public Grant grant() {
        return grant;
    }

    public boolean expired(long nowMillis) {
        return nowMillis >= expiresAtMillis;
    }

    void expireNow() {
        expiresAtMillis = Math.min(expiresAtMillis, System.currentTimeMillis());
    }
}
