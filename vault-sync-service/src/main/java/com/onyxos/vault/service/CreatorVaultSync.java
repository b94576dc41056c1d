package com.onyxos.vault.service;

import com.onyxos.common.broker.BrokeredTokens;
import com.onyxos.common.broker.FanvueNotConnectedException;
import com.onyxos.common.broker.FanvueTokenBrokerClient;
import com.onyxos.common.fanvue.FanvueApi;
import com.onyxos.common.fanvue.FanvueClient;
import com.onyxos.common.fanvue.FanvueCreatorApi;
import com.onyxos.common.fanvue.model.VaultFolder;
import com.onyxos.common.run.Lease;
import com.onyxos.common.run.LeaseLostException;
import com.onyxos.vault.config.VaultSyncConfig;
import com.onyxos.vault.repository.CreatorRef;
import com.onyxos.vault.repository.SyncRunRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads one creator's vault from Fanvue, folder by folder (a failing folder is recorded and the others go on), then
 * hands what it saw to {@link VaultWriter}. Tokens come from the broker; an agency token reads the creator through
 * {@code /creators/{uuid}/...} (the creator's own rate bucket), a personal token through self paths.
 */
@ApplicationScoped
public class CreatorVaultSync {

    private final FanvueTokenBrokerClient broker;
    private final FanvueClient fanvue;
    private final SyncRunRepository runs;
    private final VaultWriter writer;
    private final VaultSyncConfig config;
    private final SyncMetrics metrics;
    private final Clock clock;

    public CreatorVaultSync(
            FanvueTokenBrokerClient broker,
            FanvueClient fanvue,
            SyncRunRepository runs,
            VaultWriter writer,
            VaultSyncConfig config,
            SyncMetrics metrics,
            Clock clock) {
        this.broker = broker;
        this.fanvue = fanvue;
        this.runs = runs;
        this.writer = writer;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Syncs {@code creator} within the run it holds; never fails but when the run was closed by another process
     * ({@link LeaseLostException}): other failures are in the outcome. The outcome is not recorded yet.
     */
    public Uni<SyncOutcome> sync(CreatorRef creator, Lease run, SyncFilter filter) {
        return vault(creator)
                .chain(scope -> metrics.read(() -> readFolders(scope, run.runId(), filter)))
                .chain(seen -> metrics.write(() -> writer.apply(creator, run, seen, filter)))
                .onFailure(FanvueNotConnectedException.class)
                .recoverWithItem(() -> SyncOutcome.failed(FanvueNotConnectedException.MESSAGE))
                .onFailure(failure -> !(failure instanceof LeaseLostException))
                .recoverWithItem(failure -> SyncOutcome.failed("Failed to sync the vault: " + describe(failure)))
                .invoke(metrics::finished);
    }

    private Uni<FanvueCreatorApi> vault(CreatorRef creator) {
        return broker.token(creator.agencyId(), creator.id(), null, null).map(access -> {
            FanvueApi api =
                    fanvue.api(BrokeredTokens.credentials(broker, creator.agencyId(), creator.id(), clock, access));
            return access.personal()
                    ? api.self()
                    : api.creator(creator.fanvueUserUuid().toString());
        });
    }

    private Uni<VaultSnapshot> readFolders(FanvueCreatorApi scope, UUID runId, SyncFilter filter) {
        return scope.vaultFolders()
                .select()
                .where(folder -> filter.includesFolder(folder.name()))
                .collect()
                .asList()
                .onFailure()
                .transform(failure -> new IllegalStateException("Failed to list vault folders: " + describe(failure)))
                .chain(folders -> readEach(scope, runId, folders, filter));
    }

    private Uni<VaultSnapshot> readEach(
            FanvueCreatorApi scope, UUID runId, List<VaultFolder> folders, SyncFilter filter) {
        VaultSnapshot snapshot =
                new VaultSnapshot(folders.stream().map(VaultFolder::name).toList());
        AtomicInteger done = new AtomicInteger();
        return Multi.createFrom()
                .iterable(folders)
                .onItem()
                .transformToUni(folder -> readFolder(scope, folder.name(), snapshot, filter)
                        .call(() -> runs.progress(runId, folders.size(), done.incrementAndGet(), snapshot.size())))
                .merge(config.folderConcurrency())
                .collect()
                .asList()
                .replaceWith(snapshot);
    }

    /** Reads one folder into the snapshot, or records why it could not; answers the folder's name either way. */
    private Uni<String> readFolder(FanvueCreatorApi scope, String folder, VaultSnapshot snapshot, SyncFilter filter) {
        return scope.folderMedia(folder)
                .select()
                .where(media -> filter.includesType(media.mediaType()))
                .collect()
                .asList()
                .invoke(media -> snapshot.add(folder, media))
                .onFailure()
                .invoke(failure ->
                        snapshot.failed(folder, "Failed to sync folder " + folder + ": " + describe(failure)))
                .replaceWith(folder)
                .onFailure()
                .recoverWithItem(folder);
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
