package com.onyxos.simulator.oauth;

import java.util.List;

/** What a user consented to for one client; every token issued through it dies when it is revoked. */
public final class Grant {
    private final String id;
    private final String clientId;
    private final String userUuid;
    private final List<String> scopes;
    private boolean revoked;

    Grant(String id, String clientId, String userUuid, List<String> scopes) {
        this.id = id;
        this.clientId = clientId;
        this.userUuid = userUuid;
        this.scopes = List.copyOf(scopes);
    }

    public String id() {
        return id;
    }

    public String clientId() {
        return clientId;
    }

    public String userUuid() {
        return userUuid;
    }

    public List<String> scopes() {
        return scopes;
    }

    /** Only grants that include {@code offline_access} get refresh tokens. */
    public boolean offline() {
        return scopes.contains(Scopes.OFFLINE_ACCESS);
    }

    public boolean revoked() {
        return revoked;
    }

    void revoke() {
        revoked = true;
    }
}
