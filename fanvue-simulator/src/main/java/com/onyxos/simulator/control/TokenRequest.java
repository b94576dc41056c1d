package com.onyxos.simulator.control;

import java.util.List;

/** Direct token issuance for tests; {@code clientId} defaults to the first registered client, TTL to the setting. */
public record TokenRequest(
        String userUuid, List<String> scopes, Boolean offlineAccess, Long ttlSeconds, String clientId) {

    public static TokenRequest of(String userUuid, List<String> scopes) {
        return new TokenRequest(userUuid, scopes, false, null, null);
    }

    public TokenRequest withOfflineAccess(boolean offline) {
        return new TokenRequest(userUuid, scopes, offline, ttlSeconds, clientId);
    }

    public TokenRequest withTtlSeconds(long ttl) {
        return new TokenRequest(userUuid, scopes, offlineAccess, ttl, clientId);
    }
}
