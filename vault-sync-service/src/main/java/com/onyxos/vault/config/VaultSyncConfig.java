package com.onyxos.vault.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How vault syncs run ({@code onyx.vault-sync.*}). */
@ConfigMapping(prefix = "onyx.vault-sync")
public interface VaultSyncConfig {

    /**
     * Creators of one agency synced at once; each has its own Fanvue rate bucket. 32 × {@link #folderConcurrency()}
     * fills the Fanvue client's 64 connections: at 30 ms per page 100 creators' ~2,400 pages need ≥ 25 in flight
     * to finish in 3 s (VaultSyncBenchmark: 8 gave 11.0 s / 6.5 s full / unchanged, 32 gives 7.3 s / 2.6 s).
     */
    @WithDefault("32")
    int creatorConcurrency();

    /**
     * Folders of one creator read at once (they share the creator's bucket, which paces them). Pages of one folder
     * come one after the other, so this shortens a creator's critical path.
     */
    @WithDefault("4")
    int folderConcurrency();

    /** Assets compared and written per database round trip. */
    @WithDefault("500")
    int writeBatch();

    /**
     * Database steps of syncs (a creator's load, a batch's upsert, its removals) run at once by this process,
     * whatever agency or creator they belong to. {@link #creatorConcurrency()} is per agency, so several agencies
     * syncing at once would otherwise put every connection of the pool into bulk writes and leave none to API
     * requests; and on PostgreSQL's side more concurrent bulk writers than a few per core mostly contend (20 psql
     * writers used ~25 % more CPU than 4 for the same 90,000 rows). VaultSyncBenchmark: 4 and 20 give the same times.
     */
    @WithDefault("4")
    int writeConcurrency();
}
