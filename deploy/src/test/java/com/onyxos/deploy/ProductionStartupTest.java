package com.onyxos.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.common.testing.TestDatabase;
import io.fabric8.kubernetes.api.model.Container;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The packaged services started as Kubernetes starts them (prod profile, the environment their base Deployment
 * gives them, secrets filled with stand-ins, every remote host a closed loopback port): each starts and answers
 * liveness; without any one production secret it names the variable and refuses to start; the migration Job's
 * container migrates a fresh database and exits 0. Every start is a child JVM of its own that mostly waits on
 * startup, so the cases run concurrently (junit-platform.properties bounds how many at once).
 */
@Execution(ExecutionMode.CONCURRENT)
class ProductionStartupTest {

    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final Workloads BASE = new Workloads(Manifests.base());

    static List<String> services() {
        return ServiceBuild.NAMES;
    }

    @ParameterizedTest
    @MethodSource("services")
    void startsWithTheEnvironmentItsDeploymentGivesIt(String service) throws Exception {
        int port = freePort();
        Map<String, String> env = deploymentEnvironment(service);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        try (Launched app = Launched.start(ServiceBuild.of(service), env)) {
            HttpClient http = HttpClient.newHttpClient();
            Instant deadline = Instant.now().plusSeconds(60);
            int status = 0;
            while (status != 200 && app.alive() && Instant.now().isBefore(deadline)) {
                status = liveness(http, port);
                if (status != 200) {
                    Thread.sleep(250);
                }
            }
            assertThat(status)
                    .as("%s's liveness; its output:%n%s", service, app.tail())
                    .isEqualTo(200);
        }
    }

    /** Each service with each variable its prod configuration cannot run without. */
    static Stream<Arguments> requiredVariables() {
        return services().stream()
                .flatMap(service -> required(service).stream().map(variable -> Arguments.of(service, variable)));
    }

    @ParameterizedTest
    @MethodSource("services")
    void itsProductionSecretsAreWhatItsConfigurationReferencesAndItsDeploymentProvides(String service)
            throws Exception {
        List<String> required = required(service);
        assertThat(required)
                .as("%s's onyx.production.required-variables: every variable its prod configuration needs", service)
                .containsAll(referencedVariables(ServiceBuild.of(service)));
        assertThat(deploymentEnvironment(service).keySet())
                .as("what %s's Deployment provides (it would crash-loop otherwise)", service)
                .containsAll(required);
    }

    @ParameterizedTest
    @MethodSource("requiredVariables")
    void refusesToStartWithoutAnyOfItsProductionSecretsAndNamesIt(String service, String variable) throws Exception {
        Map<String, String> env = deploymentEnvironment(service);
        env.remove(variable);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(freePort()));
        try (Launched app = Launched.start(ServiceBuild.of(service), env)) {
            assertThat(app.waitForExit(Duration.ofSeconds(60)))
                    .as("%s without %s exits; output:%n%s", service, variable, app.tail())
                    .isTrue();
            assertThat(app.exitCode()).as("%s without %s", service, variable).isNotZero();
            assertThat(app.output().contains(variable))
                    .as("%s without %s names it; output:%n%s", service, variable, app.tail())
                    .isTrue();
        }
    }

    private static List<String> required(String service) {
        return List.of(ServiceBuild.of(service)
                .property("onyx.production.required-variables")
                .orElseThrow()
                .split("\\s*,\\s*"));
    }

    @Test
    void theMigrationJobMigratesAFreshDatabaseAndExitsZero() throws Exception {
        TestDatabase.Coordinates server = TestDatabase.get();
        String database = "onyx_migration_" + UUID.randomUUID().toString().replace("-", "");
        execute(server, "create database " + database);
        try {
            var job =
                    BASE.all(io.fabric8.kubernetes.api.model.batch.v1.Job.class).get(0);
            Container container =
                    job.getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, String> env = environment(container);
            String where = server.host() + ":" + server.port() + "/" + database;
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + where);
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + where);
            env.put("QUARKUS_DATASOURCE_USERNAME", server.user());
            env.put("QUARKUS_DATASOURCE_PASSWORD", server.password());
            ServiceBuild image = ServiceBuild.of(Workloads.serviceOf(container).orElseThrow());
            try (Launched app = Launched.start(image, env)) {
                assertThat(app.waitForExit(Duration.ofSeconds(120)))
                        .as(app.tail())
                        .isTrue();
                assertThat(app.exitCode()).as(app.tail()).isZero();
            }
            TestDatabase.Coordinates migrated = new TestDatabase.Coordinates(
                    server.host(), server.port(), database, server.user(), server.password());
            assertThat(single(migrated, "select count(*) from flyway_schema_history where success"))
                    .isEqualTo(migrationCount(image));
        } finally {
            execute(server, "drop database if exists " + database + " with (force)");
        }
    }

    /** What the service's base Deployment puts in its environment, made runnable on this machine. */
    private static Map<String, String> deploymentEnvironment(String service) {
        Container container = BASE.deployment(service)
                .orElseThrow()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
        return environment(container);
    }

    private static Map<String, String> environment(Container container) {
        Map<String, String> env = new HashMap<>();
        BASE.environment(container).forEach((name, source) -> env.put(name, runnable(name, source)));
        return env;
    }

    /** A Secret's stand-in, or a value whose remote host is replaced by a closed loopback port. */
    private static String runnable(String name, Workloads.Source source) {
        if (source.secret() != null) {
            return switch (source.secretKey()) {
                case "crypto-keyring" -> "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
                case "crypto-primary-key-id" -> "k1";
                default -> "stand-in-" + source.secretKey();
            };
        }
        return source.value().replaceFirst("^((?:jdbc:)?[a-z]+://)[^/?]+", "$1127.0.0.1:1");
    }

    /** Variables the service's prod configuration references without a default: it cannot run without them. */
    private static List<String> referencedVariables(ServiceBuild service) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path jar : List.of(appJar(service), commonJar(service))) {
            try (JarFile file = new JarFile(jar.toFile())) {
                for (String resource : List.of("application.properties", "META-INF/microprofile-config.properties")) {
                    var entry = file.getJarEntry(resource);
                    if (entry == null) {
                        continue;
                    }
                    String text = new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                    for (String line : text.split("\n")) {
                        if (line.startsWith("%prod.") || (!line.startsWith("%") && !line.startsWith("#"))) {
                            Matcher matcher = REQUIRED.matcher(line);
                            while (matcher.find()) {
                                if (!names.contains(matcher.group(1))) {
                                    names.add(matcher.group(1));
                                }
                            }
                        }
                    }
                }
            }
        }
        return names;
    }

    private static long migrationCount(ServiceBuild service) throws IOException {
        try (JarFile file = new JarFile(commonJar(service).toFile())) {
            return file.stream()
                    .filter(e -> e.getName().matches("db/migration/V\\d+__.*\\.sql"))
                    .count();
        }
    }

    private static Path appJar(ServiceBuild service) throws IOException {
        try (var files = Files.list(service.target.resolve("quarkus-app/app"))) {
            return files.filter(f -> f.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
    }

    private static Path commonJar(ServiceBuild service) throws IOException {
        try (var files = Files.list(service.target.resolve("quarkus-app/lib/main"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("com.onyxos.common-"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static int liveness(HttpClient http, int port) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/live"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void execute(TestDatabase.Coordinates server, String sql) throws SQLException {
        try (Connection connection = server.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long single(TestDatabase.Coordinates db, String sql) throws SQLException {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A packaged service running in a child JVM with exactly the given environment; stopped on close. */
    private static final class Launched implements AutoCloseable {
        private final Process process;
        private final Path log;

        private Launched(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        static Launched start(ServiceBuild service, Map<String, String> env) throws IOException {
            Path log = Files.createTempFile(service.name + "-", ".log");
            ProcessBuilder builder = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx256m",
                            "-XX:TieredStopAtLevel=1",
                            "-jar",
                            service.target
                                    .resolve("quarkus-app/quarkus-run.jar")
                                    .toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            return new Launched(builder.start(), log);
        }

        boolean alive() {
            return process.isAlive();
        }

        boolean waitForExit(Duration limit) throws InterruptedException {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        }

        int exitCode() {
            return process.exitValue();
        }

        /** The end of the output, for assertion messages. */
        String tail() {
            String all = output();
            return all.length() <= 4000 ? all : "..." + all.substring(all.length() - 4000);
        }

        String output() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            Files.deleteIfExists(log);
        }
    }
}
