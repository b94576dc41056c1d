package com.onyxos.stats.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How stats are read, refreshed and judged ({@code onyx.stats.*}). */
@ConfigMapping(prefix = "onyx.stats")
public interface StatsConfig {

    /**
     * A figure refreshed longer ago than this is {@code stale}; a read of an active creator with a stale figure
     * starts one background refresh (at most one per creator per this period, across replicas).
     */
    @WithDefault("2m")
    Duration staleAfter();

    /**
     * An implausible value held by one refresh is confirmed (and applied) only by a refresh at least this much
     * later: two refreshes a moment apart may well read the same glitch.
     */
    @WithDefault("60s")
    Duration confirmAfter();

    /** Creators of one agency refreshed at once by refresh-all (each reads in its own Fanvue rate bucket). */
    @WithDefault("32")
    int refreshConcurrency();

    /** Creators refreshed at once in the background after one list read found them stale. */
    @WithDefault("8")
    int backgroundConcurrency();

    /** Unread chats of an agency-read creator are counted on one page of this size (Fanvue's maximum: 50). */
    @WithDefault("50")
    int unreadPageSize();

    /** When the in-process daily refresh runs (Quartz-style cron, the server's zone); single-node setups only. */
    @WithDefault("0 30 3 * * ?")
    String dailyRefreshCron();

    /** How often the in-process check looks for Fanvue connections newer than their agency's last import. */
    @WithDefault("60s")
    Duration connectionCheckEvery();

    /** How long after start the first connection check runs. */
    @WithDefault("30s")
    Duration connectionCheckDelay();

    /**
     * Whether callers' agency memberships are cached for a few seconds (CachedTenantResolver; a build-time switch:
     * the tests turn it off, since they create the same users' memberships anew for every test).
     */
    @WithDefault("true")
    boolean cacheMemberships();

    /** Plausibility bounds: a refresh that drops a figure by more is held until the next refresh confirms it. */
    Plausibility plausibility();

    /** The earnings sync. */
    Earnings earnings();

    /** The revenue heartbeat. */
    Heartbeat heartbeat();

    /** How earnings are synced ({@code onyx.stats.earnings.*}). */
    interface Earnings {

        /** Days of history the first sync of a creator asks for; 0 asks for everything Fanvue has. */
        @WithDefault("90")
        int backfillDays();

        /**
         * How far before the newest transaction already synced an incremental sync starts again: rows Fanvue reports
         * late and status changes inside it are picked up.
         */
        @WithDefault("48h")
        Duration overlap();

        /** Rows written per batch statement (pages of 50 are gathered up to this). */
        @WithDefault("2000")
        int batchRows();

        /** Creators whose earnings are synced at once by one agency's sync. */
        @WithDefault("16")
        int concurrency();

        /**
         * Time slices one creator's window is read in at once, each its own cursor chain of pages of 50. They all
         * go to the creator's one Fanvue rate bucket, which the client paces (200 requests per 60 s), so more slices
         * read a long window sooner but never faster than Fanvue allows.
         */
        @WithDefault("4")
        int slices();

        /**
         * No slice is cut shorter than this: an incremental pass (the overlap) stays one chain, usually one request.
         */
        @WithDefault("168h")
        Duration minSlice();

        /** Batches of one creator written at once while its pages are read on (reads and writes overlap). */
        @WithDefault("2")
        int writeConcurrency();
    }

    /** The revenue heartbeat ({@code onyx.stats.heartbeat.*}). */
    interface Heartbeat {

        /**
         * How often the in-process schedule runs it: a duration, or {@code off} where a CronJob calls the job endpoint
         * instead (read by the scheduler; kept here so the setting is documented and typed with the others).
         */
        @WithDefault("10m")
        String every();

        /** Creators of one agency worked on at once (each reads in its own Fanvue rate bucket). */
        @WithDefault("32")
        int concurrency();

        /** Days of the subscriber series re-read on every heartbeat (the first sync reads the whole history). */
        @WithDefault("7")
        int subscriberDays();

        /** Top spenders kept per creator and window (one page; Fanvue's page maximum is 50). */
        @WithDefault("50")
        int topSpenders();

        /** Days of the recent top-spenders window (beside all time). */
        @WithDefault("30")
        int recentDays();
    }

    /** Bounds of {@link #plausibility()}. */
    interface Plausibility {

        /** Largest plausible drop of a lifetime revenue total in one refresh, as a fraction (0.05 = 5 %). */
        @WithDefault("0.05")
        double revenueDrop();

        /** Largest plausible drop of an audience or content count in one refresh, as a fraction. */
        @WithDefault("0.5")
        double countDrop();

        /** A count above this that drops to 0 in one refresh is implausible whatever {@link #countDrop()} says. */
        @WithDefault("10")
        long zeroFrom();
    }
}
