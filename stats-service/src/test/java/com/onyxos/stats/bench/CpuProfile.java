package com.onyxos.stats.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JVM's CPU went while a load ran, from a JFR recording of it: each execution sample counts once — for the
 * token check when its stack passes through it (the verified-token cache, or OIDC's signature and claims check, the
 * claims' JSON parsing included), else for the first frame from the top that belongs to a named part (tenant
 * lookup, cache, JSON, database client, HTTP server, REST layer), else as "other".
 */
final class CpuProfile {

    private static final Map<String, String> PARTS = new LinkedHashMap<>();

    // Parts recognised anywhere in the stack, before the top-down match: what a sample ultimately works for.
    private static final Map<String, String> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put("com.onyxos.common.security.VerifiedTokens", "verified-token cache");
        CALLERS.put("com.onyxos.common.security.CachedTokenIdentityProvider", "verified-token cache");
        CALLERS.put("org.jose4j", "JWT check");
        CALLERS.put("io.quarkus.oidc.runtime.OidcProvider", "JWT check");
        CALLERS.put("io.quarkus.oidc.runtime.OidcIdentityProvider", "JWT check");
        CALLERS.put("io.quarkus.oidc.runtime.OidcUtils", "JWT check");

        PARTS.put("org.jose4j", "JWT check");
        PARTS.put("io.smallrye.jwt", "JWT check");
        PARTS.put("io.quarkus.oidc", "security layer");
        PARTS.put("sun.security.rsa", "JWT check");
        PARTS.put("java.math.BigInteger", "JWT check");
        PARTS.put("com.onyxos.common.security.TenantResolver", "tenant lookup (database)");
        PARTS.put("io.vertx.pgclient", "database client");
        PARTS.put("io.vertx.sqlclient", "database client");
        PARTS.put("com.github.benmanes.caffeine", "cache");
        PARTS.put("io.quarkus.cache", "cache");
        PARTS.put("com.fasterxml.jackson", "JSON");
        PARTS.put("io.quarkus.security", "security layer");
        PARTS.put("io.quarkus.vertx.http.runtime.security", "security layer");
        PARTS.put("org.jboss.resteasy.reactive", "REST layer");
        PARTS.put("io.quarkus.resteasy.reactive", "REST layer");
        PARTS.put("io.quarkus.rest", "REST layer");
        PARTS.put("io.quarkus.arc", "CDI");
        PARTS.put("io.netty", "HTTP server and network");
        PARTS.put("io.vertx.core", "HTTP server and network");
        PARTS.put("io.vertx.ext.web", "HTTP server and network");
        PARTS.put("sun.nio", "HTTP server and network");
        PARTS.put("io.smallrye.mutiny", "Mutiny");
        PARTS.put("io.micrometer", "metrics");
        PARTS.put("com.onyxos", "our code");
    }

    private CpuProfile() {}

    /** Prints the share of samples per part, and the hottest frames, of the JFR recording in {@code file}. */
    static void report(Path file) throws IOException {
        List<RecordedEvent> samples = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.ExecutionSample"))
                .filter(e -> e.getStackTrace() != null)
                .toList();
        Map<String, Long> byPart =
                samples.stream().collect(Collectors.groupingBy(CpuProfile::part, TreeMap::new, Collectors.counting()));
        Map<String, Long> topFrames = samples.stream()
                .map(e -> e.getStackTrace().getFrames().get(0))
                .collect(Collectors.groupingBy(CpuProfile::name, Collectors.counting()));
        System.out.printf("BENCH profile: %d samples%n", samples.size());
        byPart.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf(
                        "BENCH profile part %-28s %5.1f %%%n", e.getKey(), 100.0 * e.getValue() / samples.size()));
        topFrames.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(15)
                .forEach(e -> System.out.printf(
                        "BENCH profile frame %5.1f %% %s%n", 100.0 * e.getValue() / samples.size(), e.getKey()));
    }

    private static String part(RecordedEvent sample) {
        for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
            for (RecordedFrame frame : sample.getStackTrace().getFrames()) {
                if (frame.getMethod().getType().getName().startsWith(caller.getKey())) {
                    return caller.getValue();
                }
            }
        }
        for (RecordedFrame frame : sample.getStackTrace().getFrames()) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, String> part : PARTS.entrySet()) {
                if (type.startsWith(part.getKey())) {
                    return part.getValue();
                }
            }
        }
        return "other";
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
