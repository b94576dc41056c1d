package com.onyxos.stats.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TestTokens;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.stats.domain.StatField;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Read figures of the packaged service as production runs it — {@code target/quarkus-app/quarkus-run.jar} in a JVM
 * of its own, prod profile, default JVM options — under {@code wrk} on loopback with a validated RS256 bearer token:
 * {@code GET /api/creators/{id}/stats} and {@code GET /api/creators} (100 creators), a JIT warm-up, then three
 * measured runs each with the service's CPU per request, then one more single-creator run under JFR for where the
 * CPU goes. Left out of the normal build; run under the build lock so nothing else shares the cores:
 * {@code ./mvnw -pl common,fanvue-simulator,stats-service verify -Dgroups=benchmark -DexcludedGroups=
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=PackagedStatsReadsBenchmarkIT}.
 */
@QuarkusIntegrationTest
@Tag("benchmark")
@WithTestResource(PostgresResource.class)
@WithTestResource(PackagedServiceResource.class)
class PackagedStatsReadsBenchmarkIT {

    private static final int CREATORS = Integer.getInteger("bench.creators", 100);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int WARM_UP = Integer.getInteger("bench.warm-up-seconds", 30);
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 32);

    @Test
    void reads() throws Exception {
        UUID creator = seed();
        ProcessHandle service = service();
        String token = TestTokens.mint(TestUsers.AGENCY_MEMBER);
        RestAssured.given()
                .auth()
                .oauth2(token)
                .get("/api/creators/" + creator + "/stats")
                .then()
                .statusCode(200)
                .body("creatorId", equalTo(creator.toString()))
                .body("stale", equalTo(false));
        String base = RestAssured.baseURI + ":" + RestAssured.port;
        String one = base + "/api/creators/" + creator + "/stats";
        measure("GET /api/creators/{id}/stats", one, token, service);
        measure("GET /api/creators (" + CREATORS + " creators)", base + "/api/creators", token, service);
        profile(one, token, service);
    }

    private void measure(String what, String url, String token, ProcessHandle service) throws Exception {
        Wrk.run(url, token, CONNECTIONS, WARM_UP);
        for (int run = 1; run <= RUNS; run++) {
            Duration before = cpu(service);
            Wrk wrk = Wrk.run(url, token, CONNECTIONS, SECONDS);
            Duration used = cpu(service).minus(before);
            System.out.printf(
                    "BENCH packaged %s run %d: %.0f requests/s, p50 %s, p99 %s, non-2xx %d; service CPU %.0f µs"
                            + " per request (wrk's own CPU not counted)%n%s",
                    what,
                    run,
                    wrk.requestsPerSecond(),
                    wrk.p50(),
                    wrk.p99(),
                    wrk.non2xx(),
                    used.toNanos() / 1000.0 / (wrk.requestsPerSecond() * SECONDS),
                    wrk.output());
            assertThat(wrk.non2xx()).isZero();
        }
    }

    /** One more run with JFR's default recording (samples every 20 ms) in the service's JVM. */
    private void profile(String url, String token, ProcessHandle service) throws Exception {
        Path file = Files.createTempFile("stats-packaged", ".jfr");
        jcmd(service, "JFR.start", "name=bench", "settings=default");
        Wrk wrk = Wrk.run(url, token, CONNECTIONS, SECONDS);
        jcmd(service, "JFR.stop", "name=bench", "filename=" + file);
        System.out.printf(
                "BENCH packaged profile run (JFR on): %.0f requests/s, p99 %s%n", wrk.requestsPerSecond(), wrk.p99());
        CpuProfile.report(file);
        Files.deleteIfExists(file);
    }

    private static void jcmd(ProcessHandle service, String... command) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process process = new ProcessBuilder(
                        Stream.concat(Stream.of(jcmd, Long.toString(service.pid())), Stream.of(command))
                                .toList())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
    }

    /** The packaged service's process: the child of this JVM that runs quarkus-run.jar. */
    private static ProcessHandle service() {
        return ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().arguments().stream()
                        .flatMap(Stream::of)
                        .anyMatch(arg -> arg.endsWith("quarkus-run.jar")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The packaged service's process was not found"));
    }

    private static Duration cpu(ProcessHandle service) {
        return service.info().totalCpuDuration().orElseThrow();
    }

    /** Agency A (its member reads) with {@code CREATORS} creators, every figure fetched just now; one's id. */
    private static UUID seed() throws SQLException {
        TestDatabase.truncateAll();
        UUID agency = TestTenants.seed().agencyA();
        String columns = Stream.of(StatField.values())
                .map(field -> field.valueColumn() + ", " + field.refreshedColumn())
                .collect(Collectors.joining(", "));
        String values =
                Stream.of(StatField.values()).map(field -> "1000 + g, now()").collect(Collectors.joining(", "));
        try (Connection connection = TestDatabase.get().connect();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into models (agency_id, fanvue_user_uuid, handle, display_name, " + columns + ")"
                                + " select ?, gen_random_uuid(), 'creator-' || g, 'Creator ' || g, " + values
                                + " from generate_series(1, ?) g")) {
            insert.setObject(1, agency);
            insert.setInt(2, CREATORS);
            assertThat(insert.executeUpdate()).isEqualTo(CREATORS);
        }
        return firstCreator(agency);
    }

    private static UUID firstCreator(UUID agency) throws SQLException {
        try (Connection connection = TestDatabase.get().connect();
                PreparedStatement query = connection.prepareStatement(
                        "select id from models where agency_id = ? order by handle limit 1")) {
            query.setObject(1, agency);
            try (var rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getObject(1, UUID.class);
            }
        }
    }
}
