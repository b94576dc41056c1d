package com.onyxos.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness ordering and shutdown of real child JVMs (the launcher's process handling, without the services). */
class SupervisorTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void eachChildStartsOnlyOnceTheOneBeforeItIsReady() {
        int first = FreePorts.one();
        int second = FreePorts.one();
        try (Supervisor supervisor = new Supervisor(dir.resolve("pids"))) {
            // The first one takes a while to be ready; the second exits with 3 if started before that.
            supervisor.startAndAwait(fake("first", first, 1500), http, Duration.ofSeconds(30));
            ChildProcess next = fake("second", second, 0, readyUrl(first));
            supervisor.startAndAwait(next, http, Duration.ofSeconds(30));

            assertThat(supervisor.children()).extracting(ChildProcess::name).containsExactly("first", "second");
            assertThat(next.isAlive()).isTrue();
        }
    }

    @Test
    void aChildThatExitsBeforeItIsReadyFailsTheStartNamingItAndItsLog() {
        int port = FreePorts.one();
        try (Supervisor supervisor = new Supervisor(dir.resolve("pids"))) {
            // Its predecessor's URL never answers: it exits with 3 at once.
            ChildProcess doomed = fake("doomed", port, 0, "http://127.0.0.1:" + FreePorts.one() + "/q/health/ready");

            assertThatThrownBy(() -> supervisor.startAndAwait(doomed, http, Duration.ofSeconds(30)))
                    .isInstanceOf(ChildProcess.StartFailedException.class)
                    .hasMessageContaining("doomed exited with code 3 before it was ready")
                    .hasMessageContaining(doomed.log().toString())
                    .hasMessageContaining("started before my predecessor was ready");
        }
    }

    @Test
    void aChildNeverReadyFailsAfterTheTimeout() {
        int port = FreePorts.one();
        try (Supervisor supervisor = new Supervisor(dir.resolve("pids"), Duration.ofSeconds(2))) {
            ChildProcess slow = fake("slow", port, 60_000);

            assertThatThrownBy(() -> supervisor.startAndAwait(slow, http, Duration.ofSeconds(2)))
                    .isInstanceOf(ChildProcess.StartFailedException.class)
                    .hasMessageContaining("slow was not ready after 2 s");
        }
    }

    @Test
    void closeStopsEveryChildLastFirstAndFreesTheirPorts() {
        int[] ports = {FreePorts.one(), FreePorts.one(), FreePorts.one()};
        List<ProcessHandle> handles = new ArrayList<>();
        Supervisor supervisor = new Supervisor(dir.resolve("pids"));
        for (int i = 0; i < ports.length; i++) {
            ChildProcess child = fake("child" + i, ports[i], 0);
            supervisor.startAndAwait(child, http, Duration.ofSeconds(30));
            handles.add(ProcessHandle.of(child.pid()).orElseThrow());
        }
        assertThat(dir.resolve("pids")).exists();

        supervisor.close();

        assertThat(handles).noneMatch(ProcessHandle::isAlive);
        for (int port : ports) {
            assertThat(PortCheck.isFree(port)).as("port %d", port).isTrue();
        }
        assertThat(dir.resolve("pids")).doesNotExist();
    }

    @Test
    void aChildIgnoringSigtermIsKilledAfterTheGracePeriod() {
        int port = FreePorts.one();
        Supervisor supervisor = new Supervisor(dir.resolve("pids"), Duration.ofSeconds(1));
        ChildProcess stubborn = fake("stubborn", port, 0, "ignore-term");
        supervisor.startAndAwait(stubborn, http, Duration.ofSeconds(30));
        ProcessHandle handle = ProcessHandle.of(stubborn.pid()).orElseThrow();

        Instant before = Instant.now();
        supervisor.close();

        assertThat(handle.isAlive()).isFalse();
        assertThat(Duration.between(before, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(PortCheck.isFree(port)).isTrue();
    }

    @Test
    void theNextStartStopsChildrenALauncherKilledWithoutCleaningUpLeftBehind() throws Exception {
        int port = FreePorts.one();
        Path pids = dir.resolve("pids");
        Supervisor killed = new Supervisor(pids);
        ChildProcess orphan = fake("orphan", port, 0);
        try {
            killed.startAndAwait(orphan, http, Duration.ofSeconds(30));
            // The launcher dies without close(): only the pid file remains.
            assertThat(Files.readString(pids)).contains(orphan.pid() + " orphan");

            List<String> stopped = new Supervisor(pids).stopOrphans();

            assertThat(stopped).containsExactly("orphan (pid " + orphan.pid() + ")");
            assertThat(orphan.isAlive()).isFalse();
            assertThat(PortCheck.isFree(port)).isTrue();
        } finally {
            orphan.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void stopOrphansLeavesAProcessAlone_thatIsNotOneOfOurs() throws Exception {
        Process other = new ProcessBuilder("sleep", "30").start();
        try {
            Files.writeString(dir.resolve("pids"), other.pid() + " auth-service\n");

            assertThat(new Supervisor(dir.resolve("pids")).stopOrphans()).isEmpty();
            assertThat(other.isAlive()).isTrue();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aLauncherStillRunningThisDataFolderIsNamedAndItsChildrenAreLeftAlone() throws Exception {
        Process launcher = new ProcessBuilder("sleep", "30").start();
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            Files.writeString(dir.resolve("pids"), launcher.pid() + " launcher\n" + child.pid() + " auth-service\n");

            assertThatThrownBy(() -> new Supervisor(dir.resolve("pids")).stopOrphans())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another launcher (pid " + launcher.pid() + ")");
            assertThat(child.isAlive()).isTrue();
        } finally {
            launcher.destroyForcibly();
            child.destroyForcibly();
        }
    }

    private ChildProcess fake(String name, int port, long readyAfterMs, String... extra) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m",
                "-XX:TieredStopAtLevel=1",
                // What stopOrphans recognises as ours.
                "-Dquarkus.profile=local",
                "-cp",
                System.getProperty("java.class.path"),
                FakeService.class.getName(),
                Integer.toString(port),
                Long.toString(readyAfterMs)));
        command.addAll(List.of(extra));
        command.add("quarkus-run.jar");
        return ChildProcess.start(name, command, dir.resolve(name), Map.of("a", "b"), URI.create(readyUrl(port)));
    }

    private static String readyUrl(int port) {
        return "http://127.0.0.1:" + port + "/q/health/ready";
    }
}
