package com.onyxos.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The product's story against a running local stack, one public API call after another (the README lists the same
 * calls as {@code curl} lines): a new user creates a second agency, connects it to Fanvue through the simulator's
 * OAuth (PKCE; the simulator approves that agency's Fanvue admin), imports the creators, syncs the vault following
 * its live progress, refreshes stats, reads ROI best sellers and folder performance, enrolls TOTP, and watches what
 * a Fanvue outage does to the stats. {@code ./run-local demo} prints it; the stack's test asserts every answer.
 */
public final class DemoStory {

    private final StackConfig config;
    private final HttpClient http;
    private final Consumer<String> out;
    private final StackApi anonymous;
    private StackApi user;
    private StackApi agency;

    public DemoStory(StackConfig config, HttpClient http, Consumer<String> out) {
        this.config = config;
        this.http = http;
        this.out = out;
        this.anonymous = new StackApi(http, config.serviceUrl(config.ports().console()), null, null);
    }

    /** Runs the whole story, printing each call and what it answered. */
    public static void run(StackConfig config, Consumer<String> out) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        DemoStory story = new DemoStory(config, http, out);
        Instant begin = Instant.now();
        story.signIn("story-" + begin.getEpochSecond());
        JsonNode created = story.createAgency("Second Agency");
        out.accept("  agency " + created.path("id").asText() + ", you are its "
                + created.path("role").asText());
        JsonNode connection = story.connectFanvue();
        out.accept("  connected to Fanvue as " + connection.path("fanvueHandle").asText() + " (status "
                + connection.path("status").asText() + ", scopes "
                + connection.path("scopes").size() + ")");
        JsonNode imported = story.importCreators();
        out.accept("  " + imported.path("listed").asInt() + " creators listed, "
                + imported.path("inserted").asInt() + " new");
        List<JsonNode> runs = story.syncVault(event -> out.accept(String.format(
                "  run %s… %-8s folders %d/%d, %d assets seen",
                event.path("runId").asText().substring(0, 8),
                event.path("type").asText(),
                event.path("foldersDone").asInt(),
                event.path("foldersTotal").asInt(),
                event.path("assetsSeen").asInt())));
        out.accept("  " + runs.size() + " runs finished, " + inserted(runs) + " assets inserted");
        story.calculateRoi();
        JsonNode refreshed = story.refreshStats();
        out.accept("  " + refreshed.path("refreshed").asLong() + " figures refreshed, "
                + refreshed.path("kept").asLong() + " kept");
        for (JsonNode creator : story.creators().path("items")) {
            out.accept("  " + summary(creator));
        }
        for (JsonNode asset : story.bestSellers().path("items")) {
            out.accept(String.format(
                    "  best seller %-32s revenue %8s, %d unlocks of %d sends",
                    asset.path("fileName").asText(),
                    cents(asset.path("performance").path("totalRevenue").asLong()),
                    asset.path("performance").path("timesUnlocked").asInt(),
                    asset.path("performance").path("timesSent").asInt()));
        }
        for (JsonNode folder : story.folders().path("items")) {
            out.accept(String.format(
                    "  folder %-20s %3d assets, revenue %9s, conversion %.0f %%",
                    folder.path("folder").asText(),
                    folder.path("assetCount").asInt(),
                    cents(folder.path("totalRevenue").asLong()),
                    folder.path("averageConversion").asDouble() * 100));
        }
        JsonNode me = story.enrollTotp();
        out.accept("  2FA enrolled: " + me.path("mfa").path("enrolled").asBoolean() + ", this session stepped up: "
                + me.path("mfa").path("stepUpSatisfied").asBoolean());
        Outage outage = story.outage();
        out.accept("  during the outage: " + outage.refresh().path("refreshed").asLong() + " figures refreshed, "
                + outage.refresh().path("kept").asLong() + " kept; for example "
                + firstKept(outage.refresh()));
        out.accept("  stats unchanged: " + outage.before().equals(outage.after()) + " (fault removed again)");
        out.accept(String.format(
                "The story took %.1f s.", Duration.between(begin, Instant.now()).toMillis() / 1000.0));
    }

    /** Signs in as a new user (a token from the local issuer). */
    public String signIn(String subject) {
        say("POST /issuer/local/tokens?sub=" + subject, "a bearer token for a new user");
        String token = anonymous
                .raw(HttpRequest.newBuilder(URI.create(anonymous.baseUrl() + "/issuer/local/tokens?sub=" + subject))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build())
                .expect(200, "POST /issuer/local/tokens")
                .at("/access_token");
        user = anonymous.as(token);
        return token;
    }

    /** {@code POST /api/agencies}: the caller becomes its admin. */
    public JsonNode createAgency(String name) {
        say("POST /api/agencies {\"name\":\"" + name + "\"}", "create an agency");
        JsonNode created = user.post("/api/agencies", Map.of("name", name))
                .expect(201, "POST /api/agencies")
                .body();
        agency = user.inAgency(created.path("id").asText());
        return created;
    }

    /** The PKCE connect flow, approved by the simulator for its second agency's admin ({@code login_hint}). */
    public JsonNode connectFanvue() {
        String admin = secondFanvueAgency().path("admin").path("uuid").asText();
        say(
                "GET /api/fanvue/connect?kind=agency → authorizeUrl; GET it (&login_hint=" + admin
                        + ") → 302 code, state; GET /api/fanvue/callback?code&state",
                "connect Fanvue (OAuth with PKCE)");
        return FanvueConnect.connect(agency, admin).body();
    }

    /** The simulator's second agency: the story's Fanvue account. */
    public JsonNode secondFanvueAgency() {
        return anonymous
                .raw(HttpRequest.newBuilder(URI.create(simulatorUrl() + "/_simulator/world"))
                        .GET()
                        .build())
                .expect(200, "GET /_simulator/world")
                .body()
                .path("agencies")
                .path(1);
    }

    public JsonNode importCreators() {
        say("POST /api/creators/import", "import the agency's creators from Fanvue");
        return StatsSteps.importCreators(agency);
    }

    /** Every creator's vault sync, following each run's server-sent events. */
    public List<JsonNode> syncVault(Consumer<JsonNode> onEvent) {
        say(
                "POST /api/vault/sync-fanvue {\"async\":true} → runIds; GET /api/vault/sync-runs/{id}/events",
                "sync the vault, with live progress");
        return VaultSyncFollower.syncAll(agency, onEvent);
    }

    public JsonNode calculateRoi() {
        say("POST /api/vault/roi/calculate {\"fromFanvue\":true}", "ROI from Fanvue's messages and earnings");
        return agency.post("/api/vault/roi/calculate", Map.of("fromFanvue", true))
                .expect(200, "POST /api/vault/roi/calculate")
                .body();
    }

    public JsonNode refreshStats() {
        say("POST /api/creators/stats/refresh-all", "refresh every creator's stats");
        return StatsSteps.refreshAll(agency);
    }

    public JsonNode creators() {
        say("GET /api/creators", "every creator with its stats");
        return StatsSteps.creators(agency);
    }

    public JsonNode bestSellers() {
        say("GET /api/vault/roi/best-sellers?by=revenue&minSends=1&limit=5", "ROI best sellers");
        return agency.get("/api/vault/roi/best-sellers?by=revenue&minSends=1&limit=5")
                .expect(200, "GET /api/vault/roi/best-sellers")
                .body();
    }

    public JsonNode folders() {
        say("GET /api/vault/roi/folders", "folder performance");
        return agency.get("/api/vault/roi/folders")
                .expect(200, "GET /api/vault/roi/folders")
                .body();
    }

    /** Enrolls TOTP, verifies a code as an authenticator app would, and answers {@code GET /api/me}. */
    public JsonNode enrollTotp() {
        say("POST /api/user/mfa {\"friendlyName\":\"Demo phone\"}", "enroll TOTP (secret, otpauth URI, QR code)");
        JsonNode enrollment = user.post("/api/user/mfa", Map.of("friendlyName", "Demo phone"))
                .expect(201, "POST /api/user/mfa")
                .body();
        String code =
                Totp.code(enrollment.path("secret").asText(), Clock.systemUTC().instant());
        say("POST /api/user/mfa/verify {\"factorId\":…,\"code\":\"" + code + "\"}", "verify a code: steps up");
        user.post(
                        "/api/user/mfa/verify",
                        Map.of("factorId", enrollment.path("factorId").asText(), "code", code))
                .expect(200, "POST /api/user/mfa/verify");
        return user.get("/api/me").expect(200, "GET /api/me").body();
    }

    /**
     * Fanvue answers 503 to everything (a fault through the simulator's admin API); a refresh keeps every figure
     * and says why; the fault is removed again.
     */
    public Outage outage() {
        JsonNode before = figures(StatsSteps.creators(agency));
        say(
                "POST " + simulatorUrl() + "/_simulator/faults {\"path\":\"/**\",\"kind\":\"error\",\"status\":503}",
                "Fanvue goes down");
        String fault = StackApi.write(Map.of("path", "/**", "kind", "error", "status", 503));
        anonymous
                .raw(HttpRequest.newBuilder(URI.create(simulatorUrl() + "/_simulator/faults"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(fault))
                        .build())
                .expect(201, "POST /_simulator/faults");
        try {
            JsonNode refresh = refreshStats();
            JsonNode after = figures(creators());
            return new Outage(before, refresh, after);
        } finally {
            say("DELETE " + simulatorUrl() + "/_simulator/faults", "Fanvue is back");
            anonymous
                    .raw(HttpRequest.newBuilder(URI.create(simulatorUrl() + "/_simulator/faults"))
                            .DELETE()
                            .build())
                    .expect(204, "DELETE /_simulator/faults");
        }
    }

    /** The agency the story created, as its admin. */
    public StackApi agencyApi() {
        return agency;
    }

    /**
     * @param before every creator's figures before the outage
     * @param refresh the refresh-all answer during it
     * @param after every creator's figures after it
     */
    public record Outage(JsonNode before, JsonNode refresh, JsonNode after) {}

    /** Each creator's figure values (without times and flags), to compare before and after. */
    static JsonNode figures(JsonNode creators) {
        com.fasterxml.jackson.databind.node.ObjectNode values = StackApi.JSON.createObjectNode();
        for (JsonNode creator : creators.path("items")) {
            com.fasterxml.jackson.databind.node.ObjectNode figures =
                    values.putObject(creator.path("id").asText());
            creator.path("stats").fields().forEachRemaining(field -> {
                if (field.getValue().has("value")) {
                    figures.set(field.getKey(), field.getValue().path("value"));
                }
            });
        }
        return values;
    }

    private String simulatorUrl() {
        return config.serviceUrl(config.ports().simulator());
    }

    private void say(String call, String what) {
        out.accept("→ " + what + ": " + call);
    }

    private static int inserted(List<JsonNode> runs) {
        return runs.stream().mapToInt(run -> run.path("inserted").asInt()).sum();
    }

    private static String summary(JsonNode creator) {
        JsonNode stats = creator.path("stats");
        return String.format(
                "creator %-18s revenue %10s, %s subscribers, %s followers, refreshed %s",
                creator.path("handle").asText(),
                stats.path("revenueTotal").path("value").isNull()
                        ? "–"
                        : cents(stats.path("revenueTotal").path("value").asLong()),
                stats.path("subscribers").path("value").asText("–"),
                stats.path("followers").path("value").asText("–"),
                stats.path("revenueTotal").path("refreshedAt").asText("never"));
    }

    private static String firstKept(JsonNode refresh) {
        List<String> kept = new ArrayList<>();
        for (JsonNode creator : refresh.path("creators")) {
            for (JsonNode field : creator.path("fields")) {
                if ("kept".equals(field.path("outcome").asText())) {
                    kept.add(creator.path("handle").asText() + " "
                            + field.path("field").asText() + " kept ("
                            + field.path("reason").asText() + ": "
                            + field.path("error").asText() + ")");
                }
            }
        }
        return kept.isEmpty() ? "nothing kept" : kept.get(0);
    }

    private static String cents(long cents) {
        return String.format("$%,.2f", cents / 100.0);
    }
}
