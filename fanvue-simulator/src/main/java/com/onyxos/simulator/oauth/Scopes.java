package com.onyxos.simulator.oauth;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Fanvue's published scopes. */
public final class Scopes {
    public static final String OFFLINE_ACCESS = "offline_access";
    public static final Set<String> KNOWN = Set.of(
            "openid",
            OFFLINE_ACCESS,
            "offline",
            "read:self",
            "read:chat",
            "write:chat",
            "read:fan",
            "read:creator",
            "write:creator",
            "read:media",
            "write:media",
            "read:post",
            "write:post",
            "read:insights",
            "read:tracking_links",
            "write:tracking_links",
            "read:agency",
            "write:agency");

    private Scopes() {}

    /** Space-separated scope parameter to a list without duplicates, in the order given. */
    public static List<String> parse(String scope) {
        if (scope == null || scope.isBlank()) {
            return List.of();
        }
        return Arrays.stream(scope.trim().split("\\s+")).distinct().toList();
    }
}
