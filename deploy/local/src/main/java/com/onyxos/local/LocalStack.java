package com.onyxos.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The whole product on one machine: checks the ports, starts the Fanvue simulator (a child JVM; nothing needs it
 * before the demo) while PostgreSQL starts and the schema is migrated once, serves the console and the local issuer,
 * then starts auth-service, vault-sync-service and stats-service one after the other, each once the one before it
 * is ready, and prepares the demo agency once the simulator is ready too. {@link #close()} stops everything it started, in reverse order.
 */
public final class LocalStack implements AutoCloseable {

    /** The services in start order: the module whose {@code target/quarkus-app} holds the jar. */
    static final List<String> SERVICES = List.of("auth-service", "vault-sync-service", "stats-service");

    static final String SIMULATOR = "fanvue-simulator";

    private final StackConfig config;
    private final Consumer<String> out;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final Supervisor supervisor;
    private LocalDatabase database;
    private ConsoleServer console;
    private LocalIssuer issuer;
    private String demoAgencyId;
    private Duration startTime;

    private LocalStack(StackConfig config, Consumer<String> out) {
        this.config = config;
        this.out = out;
        this.supervisor = new Supervisor(config.dataDir().resolve("run/children.pids"));
    }

    /** Starts the stack of {@code config}, reporting each step to {@code out}; on failure stops what started. */
    public static LocalStack start(StackConfig config, Consumer<String> out) {
        LocalStack stack = new LocalStack(config, out);
        try {
            stack.boot();
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    private void boot() {
        Instant begin = Instant.now();
        if (config.fresh()) {
            wipe(config.dataDir());
            out.accept("--fresh: removed " + config.dataDir());
        }
        supervisor.stopOrphans().forEach(orphan -> out.accept("stopped " + orphan + " left by an earlier launcher"));
        Map<String, Integer> ports =
                new java.util.LinkedHashMap<>(config.ports().byOwner());
        config.without().forEach(ports::remove);
        PortCheck.requireFree(ports);
        Map<String, Path> jars = ServiceJars.locate(config.root(), SIMULATOR, SERVICES);
        LocalSecrets secrets = LocalSecrets.open(config.dataDir());

        ChildProcess simulator = supervisor.adopt(launch(
                SIMULATOR,
                jars,
                ServiceConfigs.simulator(config, secrets),
                config.ports().simulator()));
        issuer = LocalIssuer.open(config.issuerUrl(), config.dataDir(), Clock.systemUTC());
        DemoUsers users = new DemoUsers(config);
        console = ConsoleServer.start(config, consoleDir(), new IssuerEndpoints(issuer, users));
        step("console and OIDC issuer on :" + config.ports().console(), begin);

        Instant dbStart = Instant.now();
        database = LocalDatabase.start(
                config.dataDir().resolve("postgres"), config.ports().postgres());
        int migrations = database.migrate();
        step(
                "PostgreSQL on :" + config.ports().postgres() + (database.reused() ? " (data reused)" : " (new data)")
                        + ", " + migrations + " migration(s) applied",
                dbStart);

        String serviceToken = users.token(issuer, "service");
        startService(
                "auth-service",
                jars,
                ServiceConfigs.auth(config, secrets),
                config.ports().auth());
        startService(
                "vault-sync-service",
                jars,
                ServiceConfigs.vault(config, serviceToken),
                config.ports().vault());
        startService(
                "stats-service",
                jars,
                ServiceConfigs.stats(config, serviceToken),
                config.ports().stats());
        // The simulator started first, beside PostgreSQL; no service needs it to start, only the demo.
        await(simulator);
        supervisor.children().forEach(child -> supervisor.watch(child, this::died));
        prepareDemo(users);
        startTime = Duration.between(begin, Instant.now());
    }

    private void prepareDemo(DemoUsers users) {
        StackApi api = new StackApi(http, config.serviceUrl(config.ports().console()), null, null);
        if (!DemoAgency.prepared(config.dataDir())) {
            if (config.demo()) {
                Instant begin = Instant.now();
                demoAgencyId = DemoAgency.prepare(config, api.as(users.token(issuer, "admin")), out);
                step("demo agency ready", begin);
            }
            return;
        }
        try {
            List<String> reconnected = DemoAgency.reconnect(database, issuer, api);
            if (!reconnected.isEmpty()) {
                out.accept("Fanvue re-authorized for " + reconnected.size() + " agency connection(s)"
                        + " (the simulator keeps tokens in memory only)");
            }
        } catch (RuntimeException e) {
            out.accept("warning: could not re-authorize Fanvue connections: " + e.getMessage());
        }
    }

    private void startService(String name, Map<String, Path> jars, Map<String, String> properties, int port) {
        if (config.without().contains(name)) {
            out.accept("- " + name + " not started (--without): eval \"$(./run-local env " + name + ")\" && ./mvnw -pl "
                    + name + " quarkus:dev");
            return;
        }
        await(launch(name, jars, properties, port));
    }

    private ChildProcess launch(String name, Map<String, Path> jars, Map<String, String> properties, int port) {
        Path workDir = config.dataDir().resolve("run").resolve(name);
        URI ready = URI.create(config.serviceUrl(port) + "/q/health/ready");
        List<String> command = ChildProcess.javaCommand(
                jars.get(name), config.jvmOptions(), config.dataDir().resolve("cds"));
        return ChildProcess.start(name, command, workDir, properties, ready);
    }

    private void await(ChildProcess child) {
        Duration took = supervisor.startAndAwait(child, http, config.readyTimeout());
        out.accept(String.format("✓ %-20s ready in %4.1f s", child.name(), took.toMillis() / 1000.0));
    }

    private void died(ChildProcess child) {
        out.accept("✗ " + child.name() + " stopped unexpectedly; its log: " + child.log() + "\n" + child.tail(15));
    }

    private void step(String what, Instant since) {
        out.accept(String.format(
                "✓ %s (%.1f s)", what, Duration.between(since, Instant.now()).toMillis() / 1000.0));
    }

    private Path consoleDir() {
        return config.root().resolve("deploy/local/console");
    }

    public StackConfig config() {
        return config;
    }

    public LocalIssuer issuer() {
        return issuer;
    }

    public LocalDatabase database() {
        return database;
    }

    public List<ChildProcess> children() {
        return supervisor.children();
    }

    /** The demo agency prepared by this start, or null when it was prepared before (or not at all). */
    public String demoAgencyId() {
        return demoAgencyId;
    }

    /** How long the start took, to the end of the demo's preparation. */
    public Duration startTime() {
        return startTime;
    }

    /** Stops the services (last first), the simulator, the console and PostgreSQL. */
    @Override
    public void close() {
        supervisor.close();
        if (console != null) {
            console.close();
            console = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }

    static void wipe(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
