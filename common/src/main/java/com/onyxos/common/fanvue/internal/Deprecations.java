package com.onyxos.common.fanvue.internal;

import io.vertx.mutiny.core.MultiMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/** Logs Fanvue's deprecation notices ({@code Deprecation}, {@code Sunset}) once per route. */
final class Deprecations {

    private static final Logger LOG = Logger.getLogger(Deprecations.class);

    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    void check(String route, String apiVersion, MultiMap headers) {
        String deprecation = headers.get("Deprecation");
        String sunset = headers.get("Sunset");
        if ((deprecation != null || sunset != null) && warned.add(route)) {
            LOG.warnf(
                    "Fanvue deprecates API version %s on %s (Deprecation: %s, Sunset: %s, next version: %s)",
                    apiVersion, route, deprecation, sunset, headers.get("X-Fanvue-API-Next-Version"));
        }
    }

    /** Routes warned about so far. */
    Set<String> warned() {
        return Set.copyOf(warned);
    }
}
