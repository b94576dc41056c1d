package com.onyxos.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service of the stack running as a child JVM: started from its jar in its own working folder (config, log),
 * ready when its readiness URL answers 200, stopped with SIGTERM and, after a grace period, SIGKILL.
 */
public final class ChildProcess {

    private static final Duration POLL = Duration.ofMillis(100);

    /**
     * How long a child may take to exit after SIGTERM before it is killed: the first stop after a build also writes
     * its class-data sharing archive, several seconds on a busy machine.
     */
    static final Duration GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path log;
    private final URI readiness;
    private final Instant startedAt;

    private ChildProcess(String name, Process process, Path log, URI readiness, Instant startedAt) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.readiness = readiness;
        this.startedAt = startedAt;
    }

    /**
     * Starts {@code command} in {@code workDir} with {@code properties} written to
     * {@code workDir/config/application.properties}; output goes to {@code workDir/<name>.log}.
     */
    public static ChildProcess start(
            String name, List<String> command, Path workDir, Map<String, String> properties, URI readiness) {
        try {
            Files.createDirectories(workDir.resolve("config"));
            Path config = workDir.resolve("config/application.properties");
            writeProperties(config, name, properties);
            // It holds the service token and keys of this machine's stack.
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
            Path log = workDir.resolve(name + ".log");
            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            return new ChildProcess(name, process, log, readiness, Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /**
     * The command of a Quarkus app's {@code quarkus-run.jar} in the {@code local} profile, with a class-data sharing
     * archive in {@code cdsDir}: written when the JVM exits the first time (per jar version), used by every later
     * start, which then loads its classes from the archive instead of the jars (about a third of a start here).
     */
    public static List<String> javaCommand(Path jar, List<String> jvmOptions, Path cdsDir) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add(cdsOption(jar, cdsDir));
        // Classes CDS cannot archive (generated, unlinked) are each a warning line: not worth the log.
        command.add("-Xlog:cds=off,cds+dynamic=off");
        command.add("-Dquarkus.profile=local");
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /** Use the archive of this very jar if there is one, else write it at exit (dropping archives of older jars). */
    static String cdsOption(Path jar, Path cdsDir) {
        try {
            Files.createDirectories(cdsDir);
            String module =
                    jar.getParent().getParent().getParent().getFileName().toString();
            String version = Long.toString(Files.getLastModifiedTime(jar).toMillis(), 36);
            Path archive = cdsDir.resolve(module + "-" + version + ".jsa");
            if (Files.exists(archive)) {
                return "-XX:SharedArchiveFile=" + archive;
            }
            try (var old = Files.newDirectoryStream(cdsDir, module + "-*.jsa")) {
                for (Path stale : old) {
                    Files.deleteIfExists(stale);
                }
            }
            return "-XX:ArchiveClassesAtExit=" + archive;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the class-data sharing archive in " + cdsDir, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes when the process has exited. */
    public java.util.concurrent.CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /**
     * Waits until the readiness URL answers 200; fails early when the process exits, naming its log.
     *
     * @return how long the start took
     */
    public Duration awaitReady(HttpClient http, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest probe =
                HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new StartFailedException(name + " exited with code " + process.exitValue()
                        + " before it was ready; its log: " + log + "\n" + tail(20));
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.between(startedAt, Instant.now());
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartFailedException("Interrupted while waiting for " + name);
            }
            sleep(POLL);
        }
        throw new StartFailedException(name + " was not ready after " + timeout.toSeconds() + " s (" + readiness
                + "); its log: " + log + "\n" + tail(20));
    }

    /** Stops the process: SIGTERM, then SIGKILL after the grace period; returns once it is gone. */
    public void stop() {
        stop(GRACE);
    }

    /** Stops the process: SIGTERM, then SIGKILL after {@code grace}; returns once it is gone. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The last {@code lines} lines of the process's log. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void writeProperties(Path file, String name, Map<String, String> properties) throws IOException {
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("# Written by the local stack's launcher at every start for " + name + "; edits are lost.\n");
            for (Map.Entry<String, String> entry : properties.entrySet()) {
                out.write(entry.getKey() + "=" + escape(entry.getValue()) + "\n");
            }
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartFailedException("Interrupted");
        }
    }

    /** A child did not become ready. */
    public static final class StartFailedException extends RuntimeException {
        public StartFailedException(String message) {
            super(message);
        }
    }
}
