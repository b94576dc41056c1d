package com.onyxos.simulator.api;

import java.util.ArrayList;
import java.util.List;

/** Collects the endpoint families' routes; {@link #both} adds the self route and its creator variant. */
public final class RouteTable {
    private final List<ApiRoute> routes = new ArrayList<>();

    /** A self-scoped route only. */
    public RouteTable self(String template, ApiHandler handler, String... scopes) {
        routes.add(new ApiRoute(template, List.of(scopes), false, handler));
        return this;
    }

    /** The self route and {@code /creators/{creatorUserUuid}} + template, which also needs {@code read:creator}. */
    public RouteTable both(String template, ApiHandler handler, String... scopes) {
        self(template, handler, scopes);
        return creator(template, handler, scopes);
    }

    /** Only the creator variant: {@code /creators/{creatorUserUuid}} + suffix, plus {@code read:creator}. */
    public RouteTable creator(String suffix, ApiHandler handler, String... scopes) {
        List<String> creatorScopes = new ArrayList<>(List.of(scopes));
        creatorScopes.add("read:creator");
        routes.add(new ApiRoute(ApiRoute.CREATOR_PREFIX + suffix, creatorScopes, true, handler));
        return this;
    }

    public List<ApiRoute> routes() {
        return List.copyOf(routes);
    }
}
