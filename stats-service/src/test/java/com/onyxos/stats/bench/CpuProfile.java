package com.onyxos.stats.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where this JVM's CPU goes while a load runs: JFR execution samples, each counted once for the first frame (from
 * the top of the stack) that belongs to a named part — JWT check, tenant lookup, cache, JSON, database client,
 * HTTP server, REST layer — else as "other".
 */
final class CpuProfile implements AutoCloseable {

    private static final Map<String, String> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("org.jose4j", "JWT check");
        PARTS.put("io.smallrye.jwt", "JWT check");
        PARTS.put("io.quarkus.oidc", "JWT check");
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

    private final Recording recording = new Recording();
    private final Path file;

    CpuProfile() throws IOException {
        file = Files.createTempFile("stats-bench", ".jfr");
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(5));
        recording.start();
    }

    /** Stops and prints the share of samples per part, and the hottest frames. */
    @Override
    public void close() throws IOException {
        recording.stop();
        recording.dump(file);
        recording.close();
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
        Files.deleteIfExists(file);
    }

    private static String part(RecordedEvent sample) {
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
