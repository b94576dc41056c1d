package com.onyxos.vault.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How vault syncs run ({@code onyx.vault-sync.*}). */
@ConfigMapping(prefix = "onyx.vault-sync")
public interface VaultSyncConfig {

    /** Creators of one agency synced at once; each has its own Fanvue rate bucket. */
    @WithDefault("8")
    int creatorConcurrency();

    /** Folders of one creator read at once (they share the creator's bucket). */
    @WithDefault("2")
    int folderConcurrency();

    /** Assets compared and written per database round trip. */
    @WithDefault("500")
    int writeBatch();

    /** A running sync whose heartbeat is older than this is closed as failed (its process died). */
    @WithDefault("5m")
    Duration staleRunAfter();
}
