package com.onyxos.simulator.app;

import com.onyxos.simulator.SimulatorSettings;
import com.onyxos.simulator.oauth.OAuthClient;
import com.onyxos.simulator.ratelimit.RateRefill;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The runnable simulator's settings ({@code simulator.*}, each overridable as {@code SIMULATOR_...}). */
@ConfigMapping(prefix = "simulator")
public interface SimulatorConfig {

    /** Seed of the generated world: same seed and sizes, same data. */
    @WithDefault("42")
    long seed();

    /** Instant the generated data is anchored on (the world never reads the wall clock). */
    @WithDefault("2026-11-15T00:00:00Z")
    Instant now();

    /** User (uuid or handle) the authorize endpoint approves without a login_hint; default the first agency admin. */
    Optional<String> demoUser();

    /** Sizes of the generated world. */
    WorldSize world();

    /** The X-Fanvue-API-Version values served. */
    Versions versions();

    /** The token buckets. */
    RateLimit rateLimit();

    /** The OAuth server. */
    OAuth oauth();

    /** Sizes of the generated world. */
    interface WorldSize {
        /** Number of agencies. */
        @WithDefault("2")
        int agencies();

        /** Creators per agency. */
        @WithDefault("3")
        int creatorsPerAgency();

        /** Vault folders per creator. */
        @WithDefault("6")
        int foldersPerCreator();

        /** Vault media per creator. */
        @WithDefault("60")
        int mediaPerCreator();

        /** Earnings rows per creator before refunds and chargebacks. */
        @WithDefault("150")
        int earningsPerCreator();

        /** Fans in the whole world. */
        @WithDefault("120")
        int fanPool();

        /** Fans per creator (about 60 % subscribers). */
        @WithDefault("40")
        int fansPerCreator();

        /** Chats per creator. */
        @WithDefault("8")
        int chatsPerCreator();

        /** Messages per chat. */
        @WithDefault("12")
        int messagesPerChat();

        /** Posts per creator. */
        @WithDefault("15")
        int postsPerCreator();

        /** Tracking links per creator. */
        @WithDefault("4")
        int trackingLinksPerCreator();

        /** Days of history before {@code simulator.now}. */
        @WithDefault("90")
        int days();
    }

    /** The X-Fanvue-API-Version values served. */
    interface Versions {
        /** Versions answered normally. */
        @WithDefault("2025-06-26")
        List<String> supported();

        /** Versions answered with Deprecation, Sunset and X-Fanvue-API-Next-Version headers. */
        Optional<List<String>> deprecated();

        /** Versions answered 410. */
        Optional<List<String>> retired();

        /** Sunset announced for deprecated versions. */
        @WithDefault("2027-06-01T00:00:00Z")
        Instant sunset();
    }

    /** The token buckets, one per (client, user[, creator]). */
    interface RateLimit {
        /** Bucket capacity in requests. */
        @WithDefault("200")
        int capacity();

        /** Time to refill an empty bucket. */
        @WithDefault("60s")
        Duration window();

        /**
         * How a bucket refills: {@code continuous} (a token bucket, {@code capacity} per {@code window}) or
         * {@code window} (all at once when the window that began with the bucket's first request ends).
         */
        @WithDefault("continuous")
        RateRefill refill();
    }

    /** The OAuth server and its one registered client. */
    interface OAuth {
        /** Access token lifetime. */
        @WithDefault("3600s")
        Duration accessTokenTtl();

        /** Authorization code lifetime. */
        @WithDefault("60s")
        Duration codeTtl();

        /** The registered client's id. */
        @WithDefault("onyx-local")
        String clientId();

        /** The registered client's secret (a local, non-secret default). */
        @WithDefault("onyx-local-secret")
        String clientSecret();

        /** Redirect URIs the client may use, matched exactly. */
        @WithDefault("http://localhost:8081/fanvue/oauth/callback,http://127.0.0.1:8081/fanvue/oauth/callback")
        List<String> redirectUris();
    }

    /** The same settings the embedded simulator takes (host and port are Quarkus's here). */
    default SimulatorSettings toSettings() {
        WorldSize w = world();
        return SimulatorSettings.defaults()
                .withSeed(seed())
                .withNow(now())
                .withDemoUser(demoUser().orElse(null))
                .withAgencies(w.agencies())
                .withCreatorsPerAgency(w.creatorsPerAgency())
                .withFoldersPerCreator(w.foldersPerCreator())
                .withMediaPerCreator(w.mediaPerCreator())
                .withEarningsPerCreator(w.earningsPerCreator())
                .withFanPool(w.fanPool())
                .withFansPerCreator(w.fansPerCreator())
                .withChatsPerCreator(w.chatsPerCreator())
                .withMessagesPerChat(w.messagesPerChat())
                .withPostsPerCreator(w.postsPerCreator())
                .withTrackingLinksPerCreator(w.trackingLinksPerCreator())
                .withDays(w.days())
                .withSupportedVersions(versions().supported())
                .withDeprecatedVersions(versions().deprecated().orElse(List.of()))
                .withRetiredVersions(versions().retired().orElse(List.of()))
                .withSunset(versions().sunset())
                .withRateLimitCapacity(rateLimit().capacity())
                .withRateLimitWindow(rateLimit().window())
                .withRateLimitRefill(rateLimit().refill())
                .withAccessTokenTtl(oauth().accessTokenTtl())
                .withCodeTtl(oauth().codeTtl())
                .withClients(
                        List.of(new OAuthClient(oauth().clientId(), oauth().clientSecret(), oauth().redirectUris())));
    }
}
