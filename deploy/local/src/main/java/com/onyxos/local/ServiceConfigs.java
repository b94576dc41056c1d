package com.onyxos.local;

import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration each child process gets, written to its working folder's {@code config/application.properties}
 * (Quarkus reads it above {@code application.properties}). The services run in the {@code local} profile, so neither
 * production's required secrets nor dev mode's defaults apply: everything they need is here.
 */
public final class ServiceConfigs {

    /** The Fanvue OAuth client the simulator registers and auth-service uses. */
    public static final String FANVUE_CLIENT_ID = "onyx-local";

    private ServiceConfigs() {}

    /** The Fanvue simulator app: its port, world (from {@code simulator.*} settings) and the registered client. */
    public static Map<String, String> simulator(StackConfig config, LocalSecrets secrets) {
        Map<String, String> p = http(config.ports().simulator());
        p.putAll(config.under("simulator."));
        p.put("simulator.oauth.client-id", FANVUE_CLIENT_ID);
        p.put("simulator.oauth.client-secret", secrets.fanvueClientSecret());
        p.put("simulator.oauth.redirect-uris", config.fanvueRedirectUri());
        return p;
    }

    /** auth-service: database, issuer, Fanvue app, the key sealing Fanvue tokens. */
    public static Map<String, String> auth(StackConfig config, LocalSecrets secrets) {
        Map<String, String> p = service(config, config.ports().auth());
        p.put("onyx.crypto.keyring", "local:" + secrets.cryptoKey());
        p.put("onyx.crypto.primary-key-id", "local");
        p.put("onyx.fanvue.client-id", FANVUE_CLIENT_ID);
        p.put("onyx.fanvue.client-secret", secrets.fanvueClientSecret());
        p.put("onyx.fanvue-connect.redirect-uri", config.fanvueRedirectUri());
        return p;
    }

    /** vault-sync-service: database, issuer, Fanvue, the broker with the stack's service token. */
    public static Map<String, String> vault(StackConfig config, String serviceToken) {
        Map<String, String> p = service(config, config.ports().vault());
        p.putAll(broker(config, serviceToken));
        return p;
    }

    /** stats-service: database, issuer, Fanvue, the broker with the stack's service token. */
    public static Map<String, String> stats(StackConfig config, String serviceToken) {
        Map<String, String> p = service(config, config.ports().stats());
        p.putAll(broker(config, serviceToken));
        return p;
    }

    private static Map<String, String> service(StackConfig config, int port) {
        Map<String, String> p = http(port);
        String database = "//127.0.0.1:" + config.ports().postgres() + "/" + LocalDatabase.DATABASE;
        p.put("quarkus.datasource.jdbc.url", "jdbc:postgresql:" + database);
        p.put("quarkus.datasource.reactive.url", "postgresql:" + database);
        p.put("quarkus.datasource.username", LocalDatabase.USER);
        p.put("quarkus.datasource.password", LocalDatabase.PASSWORD);
        // The launcher migrated once before any service started.
        p.put("quarkus.flyway.migrate-at-start", "false");
        // Bearer tokens of the local issuer only: its discovery document and key set, read at start.
        p.put("quarkus.oidc.auth-server-url", config.issuerUrl());
        String fanvue = config.serviceUrl(config.ports().simulator());
        p.put("onyx.fanvue.api-base-url", fanvue);
        p.put("onyx.fanvue.auth-base-url", fanvue);
        return p;
    }

    private static Map<String, String> broker(StackConfig config, String serviceToken) {
        Map<String, String> p = new TreeMap<>();
        p.put(
                "quarkus.rest-client.token-broker.url",
                config.serviceUrl(config.ports().auth()));
        // The local stack's option: a static service-role token minted by the local issuer at every start.
        p.put("onyx.service-auth.method", "static-token");
        p.put("onyx.service-auth.token", serviceToken);
        return p;
    }

    private static Map<String, String> http(int port) {
        Map<String, String> p = new TreeMap<>();
        p.put("quarkus.http.host", "127.0.0.1");
        p.put("quarkus.http.port", Integer.toString(port));
        p.put("quarkus.banner.enabled", "false");
        return p;
    }
}
