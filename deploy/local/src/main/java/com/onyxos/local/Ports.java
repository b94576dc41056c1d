package com.onyxos.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local stack's TCP ports, all on the loopback interface.
 *
 * @param console the console, the local OIDC issuer ({@code /issuer}) and the same-origin gateway to the APIs
 * @param auth auth-service
 * @param vault vault-sync-service
 * @param stats stats-service
 * @param simulator the Fanvue simulator (API and OAuth server)
 * @param postgres the embedded PostgreSQL
 */
public record Ports(int console, int auth, int vault, int stats, int simulator, int postgres) {

    /** The ports the README and the services' {@code %dev} profiles name. */
    public static Ports defaults() {
        return new Ports(8080, 8081, 8082, 8083, 8090, 54329);
    }

    /** Every port shifted by {@code offset} (two stacks side by side). */
    public Ports shifted(int offset) {
        return new Ports(
                console + offset, auth + offset, vault + offset, stats + offset, simulator + offset, postgres + offset);
    }

    /** Each port with what listens on it, in start order. */
    public Map<String, Integer> byOwner() {
        Map<String, Integer> owners = new LinkedHashMap<>();
        owners.put("console and OIDC issuer", console);
        owners.put("PostgreSQL", postgres);
        owners.put("fanvue-simulator", simulator);
        owners.put("auth-service", auth);
        owners.put("vault-sync-service", vault);
        owners.put("stats-service", stats);
        return owners;
    }
}
