package com.onyxos.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The child processes of one stack: started in order, each after the one before it is ready (the caller awaits),
 * stopped in reverse order. Their pids are kept in a file so that a launcher killed without a chance to stop them
 * (SIGKILL) has its orphans stopped by the next start.
 */
public final class Supervisor implements AutoCloseable {

    /** The pid file's line naming the launcher that wrote it. */
    private static final String LAUNCHER = "launcher";

    private final Path pidFile;
    private final Duration grace;
    private final List<ChildProcess> children = Collections.synchronizedList(new ArrayList<>());

    public Supervisor(Path pidFile) {
        this(pidFile, ChildProcess.GRACE);
    }

    /** @param grace how long each child may take to exit after SIGTERM before it is killed */
    public Supervisor(Path pidFile, Duration grace) {
        this.pidFile = pidFile;
        this.grace = grace;
    }

    /**
     * Adopts {@code child} and returns once it is ready (see {@link ChildProcess#awaitReady}), so that children
     * started one after the other each find the one before ready.
     */
    public Duration startAndAwait(ChildProcess child, HttpClient http, Duration timeout) {
        return adopt(child).awaitReady(http, timeout);
    }

    /** Adds a started child: it is stopped by {@link #close()}. */
    public ChildProcess adopt(ChildProcess child) {
        synchronized (children) {
            if (!children.contains(child)) {
                children.add(child);
            }
        }
        writePids();
        return child;
    }

    /** The children in start order. */
    public List<ChildProcess> children() {
        return List.copyOf(children);
    }

    /** Calls {@code onDeath} when a child exits while the stack runs (not when {@link #close()} stops it). */
    public void watch(ChildProcess child, Consumer<ChildProcess> onDeath) {
        child.onExit().thenRun(() -> {
            if (children.contains(child)) {
                onDeath.accept(child);
            }
        });
    }

    /**
     * Stops processes a previous launcher left running (their pids are in the pid file and they still run one of
     * our jars); returns what was stopped.
     */
    public List<String> stopOrphans() {
        List<String> stopped = new ArrayList<>();
        if (!Files.exists(pidFile)) {
            return stopped;
        }
        try {
            for (String line : Files.readAllLines(pidFile)) {
                String[] parts = line.trim().split("\\s+", 2);
                if (parts.length < 2) {
                    continue;
                }
                if (LAUNCHER.equals(parts[1])) {
                    refuseWhileAlive(Long.parseLong(parts[0]));
                    continue;
                }
                Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(parts[0]));
                if (handle.isPresent() && handle.get().isAlive() && runsOurJar(handle.get())) {
                    handle.get().destroy();
                    handle.get().onExit().join();
                    stopped.add(parts[1] + " (pid " + parts[0] + ")");
                }
            }
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stopped;
    }

    /** A launcher that is still running owns these children: they are not orphans. */
    private static void refuseWhileAlive(long launcher) {
        if (launcher != ProcessHandle.current().pid()
                && ProcessHandle.of(launcher).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalStateException("Another launcher (pid " + launcher + ") runs the stack of this data"
                    + " folder: stop it first (Ctrl-C in its terminal, or kill " + launcher + ")");
        }
    }

    private static boolean runsOurJar(ProcessHandle handle) {
        String line =
                commandLine(handle.pid()).or(() -> handle.info().commandLine()).orElse("");
        return line.contains("quarkus-run.jar") && line.contains("-Dquarkus.profile=local");
    }

    /** The full command line from /proc (the JDK's {@code Info.commandLine()} may leave it out). */
    private static Optional<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return Optional.of(new String(raw, java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' '));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Stops every child, the last started first, and forgets their pids. */
    @Override
    public void close() {
        List<ChildProcess> reversed;
        synchronized (children) {
            reversed = new ArrayList<>(children);
            children.clear();
        }
        Collections.reverse(reversed);
        reversed.forEach(child -> child.stop(grace));
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // Nothing left to clean up by the next start: every child is gone.
        }
    }

    private void writePids() {
        StringBuilder lines = new StringBuilder();
        lines.append(ProcessHandle.current().pid()).append(' ').append(LAUNCHER).append('\n');
        synchronized (children) {
            children.forEach(child ->
                    lines.append(child.pid()).append(' ').append(child.name()).append('\n'));
        }
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
