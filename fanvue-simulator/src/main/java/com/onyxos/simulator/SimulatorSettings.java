package com.onyxos.simulator;

import com.onyxos.simulator.oauth.OAuthClient;
import com.onyxos.simulator.ratelimit.RateRefill;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything the simulator is built from: world seed and sizes, API versions, rate limits, OAuth clients, server.
 *
 * @param seed Seed of the generated world: same seed and sizes, same world.
 * @param agencies Number of agencies.
 * @param creatorsPerAgency Creators each agency manages.
 * @param foldersPerCreator Vault folders per creator.
 * @param mediaPerCreator Vault media per creator.
 * @param earningsPerCreator Earnings rows per creator before refunds and chargebacks (message and post purchases count towards it).
 * @param fanPool Fans in the whole world.
 * @param fansPerCreator Fans per creator (about 60 % subscribers, the rest followers).
 * @param chatsPerCreator Chats per creator.
 * @param messagesPerChat Messages per chat.
 * @param postsPerCreator Posts per creator.
 * @param trackingLinksPerCreator Tracking links per creator.
 * @param days Days of history before {@code now} (earnings, subscriber series, chats).
 * @param now The instant the generated data is anchored on; data never uses the wall clock.
 * @param demoUser User (uuid or handle) the authorize endpoint approves when no login_hint is given; null: the first agency's admin.
 * @param supportedVersions Accepted values of {@code X-Fanvue-API-Version}.
 * @param deprecatedVersions Versions still answered, with deprecation headers.
 * @param retiredVersions Versions answered 410.
 * @param sunset Sunset instant announced for deprecated versions.
 * @param rateLimitCapacity Token bucket capacity (requests).
 * @param rateLimitWindow Time to refill an empty bucket completely.
 * @param rateLimitRefill How a bucket refills: continuously (a token bucket) or all at once when its window ends.
 * @param accessTokenTtl Access token lifetime.
 * @param codeTtl Authorization code lifetime.
 * @param clients Registered OAuth clients.
 * @param host Interface the embedded server binds.
 * @param port Port of the embedded server; 0 picks a free one.
 * @param serverInstances HTTP server instances (event loops) of the embedded server.
 */
public record SimulatorSettings(
        long seed,
        int agencies,
        int creatorsPerAgency,
        int foldersPerCreator,
        int mediaPerCreator,
        int earningsPerCreator,
        int fanPool,
        int fansPerCreator,
        int chatsPerCreator,
        int messagesPerChat,
        int postsPerCreator,
        int trackingLinksPerCreator,
        int days,
        Instant now,
        String demoUser,
        List<String> supportedVersions,
        List<String> deprecatedVersions,
        List<String> retiredVersions,
        Instant sunset,
        int rateLimitCapacity,
        Duration rateLimitWindow,
        RateRefill rateLimitRefill,
        Duration accessTokenTtl,
        Duration codeTtl,
        List<OAuthClient> clients,
        String host,
        int port,
        int serverInstances) {

    /** The client registered by default: the local stack's auth-service. */
    public static final OAuthClient DEFAULT_CLIENT = new OAuthClient(
            "onyx-local",
            "onyx-local-secret",
            List.of("http://localhost:8081/fanvue/oauth/callback", "http://127.0.0.1:8081/fanvue/oauth/callback"));

    public SimulatorSettings {
        supportedVersions = List.copyOf(supportedVersions);
        deprecatedVersions = List.copyOf(deprecatedVersions);
        retiredVersions = List.copyOf(retiredVersions);
        clients = List.copyOf(clients);
        rateLimitRefill = rateLimitRefill == null ? RateRefill.CONTINUOUS : rateLimitRefill;
        if (agencies < 1 || creatorsPerAgency < 0 || fansPerCreator > fanPool || days < 1 || rateLimitCapacity < 1) {
            throw new IllegalArgumentException(
                    "need agencies >= 1, creatorsPerAgency >= 0, fansPerCreator <= fanPool, days >= 1, rateLimitCapacity >= 1");
        }
    }

    /** A small world on a random port of 127.0.0.1, Fanvue's published limits. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings(
                42L,
                2,
                3,
                6,
                60,
                150,
                120,
                40,
                8,
                12,
                15,
                4,
                90,
                Instant.parse("2026-11-15T00:00:00Z"),
                null,
                List.of("2025-06-26"),
                List.of(),
                List.of(),
                Instant.parse("2027-06-01T00:00:00Z"),
                200,
                Duration.ofSeconds(60),
                RateRefill.CONTINUOUS,
                Duration.ofSeconds(3600),
                Duration.ofSeconds(60),
                List.of(DEFAULT_CLIENT),
                "127.0.0.1",
                0,
                Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public SimulatorSettings withSeed(long seed) {
        return edit(c -> c.seed = seed);
    }

    public SimulatorSettings withAgencies(int agencies) {
        return edit(c -> c.agencies = agencies);
    }

    public SimulatorSettings withCreatorsPerAgency(int creatorsPerAgency) {
        return edit(c -> c.creatorsPerAgency = creatorsPerAgency);
    }

    public SimulatorSettings withFoldersPerCreator(int foldersPerCreator) {
        return edit(c -> c.foldersPerCreator = foldersPerCreator);
    }

    public SimulatorSettings withMediaPerCreator(int mediaPerCreator) {
        return edit(c -> c.mediaPerCreator = mediaPerCreator);
    }

    public SimulatorSettings withEarningsPerCreator(int earningsPerCreator) {
        return edit(c -> c.earningsPerCreator = earningsPerCreator);
    }

    public SimulatorSettings withFanPool(int fanPool) {
        return edit(c -> c.fanPool = fanPool);
    }

    public SimulatorSettings withFansPerCreator(int fansPerCreator) {
        return edit(c -> c.fansPerCreator = fansPerCreator);
    }

    public SimulatorSettings withChatsPerCreator(int chatsPerCreator) {
        return edit(c -> c.chatsPerCreator = chatsPerCreator);
    }

    public SimulatorSettings withMessagesPerChat(int messagesPerChat) {
        return edit(c -> c.messagesPerChat = messagesPerChat);
    }

    public SimulatorSettings withPostsPerCreator(int postsPerCreator) {
        return edit(c -> c.postsPerCreator = postsPerCreator);
    }

    public SimulatorSettings withTrackingLinksPerCreator(int trackingLinksPerCreator) {
        return edit(c -> c.trackingLinksPerCreator = trackingLinksPerCreator);
    }

    public SimulatorSettings withDays(int days) {
        return edit(c -> c.days = days);
    }

    public SimulatorSettings withNow(Instant now) {
        return edit(c -> c.now = now);
    }

    public SimulatorSettings withDemoUser(String demoUser) {
        return edit(c -> c.demoUser = demoUser);
    }

    public SimulatorSettings withSupportedVersions(List<String> supportedVersions) {
        return edit(c -> c.supportedVersions = supportedVersions);
    }

    public SimulatorSettings withDeprecatedVersions(List<String> deprecatedVersions) {
        return edit(c -> c.deprecatedVersions = deprecatedVersions);
    }

    public SimulatorSettings withRetiredVersions(List<String> retiredVersions) {
        return edit(c -> c.retiredVersions = retiredVersions);
    }

    public SimulatorSettings withSunset(Instant sunset) {
        return edit(c -> c.sunset = sunset);
    }

    public SimulatorSettings withRateLimitCapacity(int rateLimitCapacity) {
        return edit(c -> c.rateLimitCapacity = rateLimitCapacity);
    }

    public SimulatorSettings withRateLimitWindow(Duration rateLimitWindow) {
        return edit(c -> c.rateLimitWindow = rateLimitWindow);
    }

    public SimulatorSettings withRateLimitRefill(RateRefill rateLimitRefill) {
        return edit(c -> c.rateLimitRefill = rateLimitRefill);
    }

    public SimulatorSettings withAccessTokenTtl(Duration accessTokenTtl) {
        return edit(c -> c.accessTokenTtl = accessTokenTtl);
    }

    public SimulatorSettings withCodeTtl(Duration codeTtl) {
        return edit(c -> c.codeTtl = codeTtl);
    }

    public SimulatorSettings withClients(List<OAuthClient> clients) {
        return edit(c -> c.clients = clients);
    }

    public SimulatorSettings withHost(String host) {
        return edit(c -> c.host = host);
    }

    public SimulatorSettings withPort(int port) {
        return edit(c -> c.port = port);
    }

    public SimulatorSettings withServerInstances(int serverInstances) {
        return edit(c -> c.serverInstances = serverInstances);
    }

    /** A copy with some components changed; the canonical constructor checks the result. */
    private SimulatorSettings edit(Consumer<Components> change) {
        Components components = new Components(this);
        change.accept(components);
        return components.settings();
    }

    /** The components as fields the withers assign. */
    private static final class Components {
        long seed;
        int agencies;
        int creatorsPerAgency;
        int foldersPerCreator;
        int mediaPerCreator;
        int earningsPerCreator;
        int fanPool;
        int fansPerCreator;
        int chatsPerCreator;
        int messagesPerChat;
        int postsPerCreator;
        int trackingLinksPerCreator;
        int days;
        Instant now;
        String demoUser;
        List<String> supportedVersions;
        List<String> deprecatedVersions;
        List<String> retiredVersions;
        Instant sunset;
        int rateLimitCapacity;
        Duration rateLimitWindow;
        RateRefill rateLimitRefill;
        Duration accessTokenTtl;
        Duration codeTtl;
        List<OAuthClient> clients;
        String host;
        int port;
        int serverInstances;

        Components(SimulatorSettings from) {
            seed = from.seed;
            agencies = from.agencies;
            creatorsPerAgency = from.creatorsPerAgency;
            foldersPerCreator = from.foldersPerCreator;
            mediaPerCreator = from.mediaPerCreator;
            earningsPerCreator = from.earningsPerCreator;
            fanPool = from.fanPool;
            fansPerCreator = from.fansPerCreator;
            chatsPerCreator = from.chatsPerCreator;
            messagesPerChat = from.messagesPerChat;
            postsPerCreator = from.postsPerCreator;
            trackingLinksPerCreator = from.trackingLinksPerCreator;
            days = from.days;
            now = from.now;
            demoUser = from.demoUser;
            supportedVersions = from.supportedVersions;
            deprecatedVersions = from.deprecatedVersions;
            retiredVersions = from.retiredVersions;
            sunset = from.sunset;
            rateLimitCapacity = from.rateLimitCapacity;
            rateLimitWindow = from.rateLimitWindow;
            rateLimitRefill = from.rateLimitRefill;
            accessTokenTtl = from.accessTokenTtl;
            codeTtl = from.codeTtl;
            clients = from.clients;
            host = from.host;
            port = from.port;
            serverInstances = from.serverInstances;
        }

        SimulatorSettings settings() {
            return new SimulatorSettings(
                    seed,
                    agencies,
                    creatorsPerAgency,
                    foldersPerCreator,
                    mediaPerCreator,
                    earningsPerCreator,
                    fanPool,
                    fansPerCreator,
                    chatsPerCreator,
                    messagesPerChat,
                    postsPerCreator,
                    trackingLinksPerCreator,
                    days,
                    now,
                    demoUser,
                    supportedVersions,
                    deprecatedVersions,
                    retiredVersions,
                    sunset,
                    rateLimitCapacity,
                    rateLimitWindow,
                    rateLimitRefill,
                    accessTokenTtl,
                    codeTtl,
                    clients,
                    host,
                    port,
                    serverInstances);
        }
    }
}
