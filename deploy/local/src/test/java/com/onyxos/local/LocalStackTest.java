package com.onyxos.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole stack from the reactor's built jars on free ports with a small simulator world: the first start prepares
 * the demo agency, the demo story's calls answer as they should, stopping leaves no port bound and no process, and
 * the second start reuses the data and reconnects Fanvue.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @TempDir
    static Path dataDir;

    private static Ports ports;
    private static final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private static StackConfig config() {
        if (ports == null) {
            ports = FreePorts.stack();
        }
        return StackConfig.defaults(ROOT)
                .withDataDir(dataDir)
                .withPorts(ports)
                .with("simulator.world.creators-per-agency", "2")
                .with("simulator.world.media-per-creator", "30")
                .with("simulator.world.earnings-per-creator", "60")
                .with("simulator.world.days", "60")
                .with("ready.timeout-seconds", "90");
    }

    @Test
    @Order(1)
    void firstStartPreparesTheDemoAgencyTheStoryWorksAndStoppingLeavesNothingBehind() {
        List<ProcessHandle> processes = new ArrayList<>();
        try (LocalStack stack = LocalStack.start(config(), log::add)) {
            stack.children()
                    .forEach(
                            child -> processes.add(ProcessHandle.of(child.pid()).orElseThrow()));
            assertThat(stack.children())
                    .extracting(ChildProcess::name)
                    .containsExactly("fanvue-simulator", "auth-service", "vault-sync-service", "stats-service");
            assertThat(stack.demoAgencyId()).isNotNull();
            assertThat(log).anyMatch(line -> line.contains("(new data)") && line.contains("migration(s) applied"));
            // A word boundary: "10 migration(s) applied" must not read as none applied.
            assertThat(log).noneMatch(line -> line.matches(".*\\b0 migration\\(s\\) applied.*"));

            demoAgencyShowsDataAtOnce(stack);
            theStoryWorks(stack.config());
            tokensAndTheGateway(stack);
        }

        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        ports.byOwner().forEach((owner, port) -> assertThat(PortCheck.isFree(port))
                .as("%s port %d", owner, port)
                .isTrue());
    }

    @Test
    @Order(2)
    void secondStartReusesTheDataReconnectsFanvueAndStartsNothingTwice() {
        log.clear();
        try (LocalStack stack = LocalStack.start(config(), log::add)) {
            assertThat(stack.demoAgencyId()).as("prepared on first start only").isNull();
            assertThat(log).anyMatch(line -> line.contains("(data reused), 0 migration(s) applied"));
            assertThat(log).anyMatch(line -> line.contains("Fanvue re-authorized for 2 agency connection(s)"));
            StackApi admin = adminApi(stack);
            JsonNode agencies =
                    admin.get("/api/agencies").expect(200, "GET /api/agencies").body();
            String demo = agencies.path(0).path("id").asText();
            // The reconnected token works: a sync reads Fanvue again and finds nothing new.
            JsonNode sync = admin.inAgency(demo)
                    .post("/api/vault/sync-fanvue", Map.of())
                    .expect(200, "POST /api/vault/sync-fanvue")
                    .body();
            assertThat(sync.path("success").asBoolean()).isTrue();
            assertThat(sync.path("inserted").asInt()).isZero();
            assertThat(sync.path("errors")).isEmpty();
        }
        ports.byOwner()
                .forEach((owner, port) ->
                        assertThat(PortCheck.isFree(port)).as(owner).isTrue());
    }

    @Test
    @Order(3)
    void aTakenPortStopsTheStartNamingIt() throws Exception {
        try (ServerSocket squatter = new ServerSocket(config().ports().vault())) {
            assertThatThrownBy(() -> LocalStack.start(config(), log::add))
                    .isInstanceOf(PortCheck.PortTakenException.class)
                    .hasMessageContaining("port " + squatter.getLocalPort() + " (vault-sync-service)");
        }
        ports.byOwner()
                .forEach((owner, port) ->
                        assertThat(PortCheck.isFree(port)).as(owner).isTrue());
    }

    private void demoAgencyShowsDataAtOnce(LocalStack stack) {
        StackApi admin = adminApi(stack).inAgency(stack.demoAgencyId());
        JsonNode assets = admin.get("/api/vault/assets?limit=200")
                .expect(200, "GET /api/vault/assets")
                .body();
        JsonNode connections =
                admin.get("/api/fanvue/connections").expect(200, "connections").body();
        assertThat(connections).hasSize(1);
        assertThat(connections.path(0).path("status").asText()).isEqualTo("active");
        JsonNode creators = StatsSteps.creators(admin).path("items");
        assertThat(creators).hasSize(2);
        for (JsonNode creator : creators) {
            assertThat(creator.path("stats").path("revenueTotal").path("value").isNumber())
                    .as("revenue of %s", creator.path("handle"))
                    .isTrue();
            assertThat(creator.path("stats")
                            .path("revenueTotal")
                            .path("refreshedAt")
                            .isNull())
                    .isFalse();
        }
        assertThat(assets.path("items").size()).isGreaterThan(20);
    }

    private void theStoryWorks(StackConfig config) {
        DemoStory story = new DemoStory(config, http, log::add);
        story.signIn("story-admin");
        JsonNode agency = story.createAgency("Second Agency");
        assertThat(agency.path("role").asText()).isEqualTo("admin");

        JsonNode connection = story.connectFanvue();
        assertThat(connection.path("status").asText()).isEqualTo("active");
        assertThat(connection.path("fanvueUserId").asText())
                .isEqualTo(story.secondFanvueAgency().path("admin").path("uuid").asText());

        JsonNode imported = story.importCreators();
        assertThat(imported.path("inserted").asInt()).isEqualTo(2);

        List<JsonNode> events = Collections.synchronizedList(new ArrayList<>());
        List<JsonNode> runs = story.syncVault(events::add);
        assertThat(runs).hasSize(2).allSatisfy(run -> {
            assertThat(run.path("type").asText()).isEqualTo("finished");
            assertThat(run.path("status").asText()).isEqualTo("succeeded");
            assertThat(run.path("inserted").asInt()).isPositive();
        });
        assertThat(events.size()).isGreaterThanOrEqualTo(runs.size());

        JsonNode roi = story.calculateRoi();
        assertThat(roi.path("eventsRecorded").asInt()).isPositive();

        JsonNode refreshed = story.refreshStats();
        assertThat(refreshed.path("refreshed").asLong()).isPositive();
        assertThat(refreshed.path("kept").asLong()).isZero();

        JsonNode best = story.bestSellers().path("items");
        assertThat(best).isNotEmpty();
        assertThat(best.path(0).path("performance").path("totalRevenue").asLong())
                .isGreaterThanOrEqualTo(best.path(best.size() - 1)
                        .path("performance")
                        .path("totalRevenue")
                        .asLong());
        assertThat(story.folders().path("items")).isNotEmpty();

        JsonNode me = story.enrollTotp();
        assertThat(me.path("mfa").path("enrolled").asBoolean()).isTrue();
        assertThat(me.path("mfa").path("stepUpSatisfied").asBoolean()).isTrue();

        DemoStory.Outage outage = story.outage();
        assertThat(outage.refresh().path("refreshed").asLong()).isZero();
        assertThat(outage.refresh().path("kept").asLong()).isPositive();
        assertThat(outage.refresh().path("creators"))
                .allSatisfy(creator -> assertThat(creator.path("fields")).allSatisfy(field -> {
                    assertThat(field.path("outcome").asText()).isEqualTo("kept");
                    assertThat(field.path("reason").asText()).isEqualTo("error");
                }));
        assertThat(outage.after()).isEqualTo(outage.before());
    }

    private void tokensAndTheGateway(LocalStack stack) {
        StackApi anonymous = new StackApi(http, stack.config().serviceUrl(ports.console()), null, null);
        assertThat(anonymous.get("/api/creators").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/nothing-here").status()).isEqualTo(404);
        String member = new DemoUsers(stack.config()).token(stack.issuer(), "member");
        JsonNode memberships = anonymous
                .as(member)
                .get("/api/agencies")
                .expect(200, "member agencies")
                .body();
        assertThat(memberships.path(0).path("role").asText()).isEqualTo("member");
        // A token of another issuer's key is refused.
        LocalIssuer stranger =
                LocalIssuer.open(stack.issuer().issuer(), dataDir.resolve("stranger"), java.time.Clock.systemUTC());
        assertThat(anonymous
                        .as(stranger.mint("demo-admin", List.of(), Duration.ofMinutes(5)))
                        .get("/api/agencies")
                        .status())
                .isEqualTo(401);
        // The console's files come from the same origin.
        assertThat(anonymous.get("/index.html").text()).contains("OnyxOS");
        assertThat(Files.exists(dataDir.resolve("run/auth-service/config/application.properties")))
                .isTrue();
    }

    private StackApi adminApi(LocalStack stack) {
        return new StackApi(
                http,
                stack.config().serviceUrl(ports.console()),
                new DemoUsers(stack.config()).token(stack.issuer(), "admin"),
                null);
    }
}
