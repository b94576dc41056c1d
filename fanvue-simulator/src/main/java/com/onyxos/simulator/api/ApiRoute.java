package com.onyxos.simulator.api;

import java.util.List;

/**
 * One GET endpoint: its template ({@code {param}} segments), required scopes, and whether it is the creator variant
 * ({@code /creators/{creatorUserUuid}/...}: bucket per creator, agency admin of that creator only).
 */
public record ApiRoute(String template, List<String> scopes, boolean creatorScoped, ApiHandler handler) {
    public static final String CREATOR_PREFIX = "/creators/{creatorUserUuid}";
    public static final String CREATOR_PARAM = "creatorUserUuid";

    public ApiRoute {
        scopes = List.copyOf(scopes);
    }

    /** The template in Vert.x syntax ({@code :param}). */
    public String vertxPath() {
        return template.replaceAll("\\{([A-Za-z]+)}", ":$1");
    }
}
