package com.onyxos.vault.service;

import com.onyxos.common.problem.ProblemException;
import com.onyxos.vault.config.VaultSyncConfig;
import com.onyxos.vault.repository.CreatorRef;
import com.onyxos.vault.repository.CreatorRows;
import com.onyxos.vault.repository.RunRow;
import com.onyxos.vault.repository.SyncRunRepository;
import com.onyxos.vault.repository.SyncSettingsRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Vault syncs of one creator or a whole agency. Each creator's sync is a row in {@code sync_runs}; the database
 * lets one run per creator at a time across every replica, and a second request joins the running one. An agency
 * sync runs its creators in parallel with bounded concurrency.
 */
@ApplicationScoped
public class VaultSyncService {

    private final CreatorRows creators;
    private final SyncSettingsRepository settings;
    private final SyncRunRepository runs;
    private final CreatorVaultSync sync;
    private final SyncProgress progress;
    private final VaultSyncConfig config;
    private final String owner = "vault-sync/" + UUID.randomUUID();

    public VaultSyncService(
            CreatorRows creators,
            SyncSettingsRepository settings,
            SyncRunRepository runs,
            CreatorVaultSync sync,
            SyncProgress progress,
            VaultSyncConfig config) {
        this.creators = creators;
        this.settings = settings;
        this.runs = runs;
        this.sync = sync;
        this.progress = progress;
        this.config = config;
    }

    /** Starts (or joins) the sync of one creator; the run is returned as soon as it exists. */
    public Uni<StartedRun> startCreator(UUID agencyId, UUID creatorId, SyncRequest asked) {
        return withDefaults(agencyId, asked).chain(request -> creators.find(agencyId, creatorId)
                .onItem()
                .ifNull()
                .failWith(() -> new ProblemException(
                        404, "creator_not_found", "Creator not found", "No creator " + creatorId + " in this agency."))
                .chain(creator -> start(creator, request)));
    }

    /** Starts (or joins) the syncs of every active creator of the agency, at most N running at once. */
    public Uni<List<StartedRun>> startAgency(UUID agencyId, SyncRequest asked) {
        return withDefaults(agencyId, asked)
                .chain(request -> creators.active(agencyId).chain(list -> Multi.createFrom()
                        .iterable(list)
                        .onItem()
                        .transformToUniAndConcatenate(creator -> start(creator, request))
                        .collect()
                        .asList()));
    }

    /** A request that names no folders or media types uses the agency's saved defaults. */
    private Uni<SyncRequest> withDefaults(UUID agencyId, SyncRequest request) {
        if (request.filter().selective()) {
            return Uni.createFrom().item(request);
        }
        return settings.find(agencyId)
                .map(saved -> new SyncRequest(
                        request.trigger(), request.requestedBy(), new SyncFilter(saved.folders(), saved.mediaTypes())));
    }

    /** Waits for the runs to finish and answers them as they ended. */
    public Uni<List<RunRow>> awaitAll(List<StartedRun> started) {
        return Multi.createFrom()
                .iterable(started)
                .onItem()
                .transformToUniAndConcatenate(StartedRun::finished)
                .collect()
                .asList();
    }

    private Uni<StartedRun> start(CreatorRef creator, SyncRequest request) {
        SyncRunRepository.NewRun run = new SyncRunRepository.NewRun(
                creator.agencyId(),
                creator.id(),
                request.trigger(),
                request.requestedBy(),
                request.filter().folders(),
                request.filter().mediaTypes(),
                owner);
        return runs.start(run).chain(started -> {
            if (started.run() == null) {
                // The run we collided with finished in between: start again.
                return start(creator, request);
            }
            if (!started.started()) {
                return Uni.createFrom().item(new StartedRun(started.run(), false, joined(started.run())));
            }
            Uni<RunRow> finished = execute(creator, started.run(), request.filter());
            return Uni.createFrom().item(new StartedRun(started.run(), true, finished));
        });
    }

    /** Runs the sync in the background of the request (bounded per agency by the creator semaphore). */
    private Uni<RunRow> execute(CreatorRef creator, RunRow run, SyncFilter filter) {
        Uni<RunRow> finished = progress.await(run);
        progress.limited(
                        creator.agencyId(),
                        config.creatorConcurrency(),
                        sync.sync(creator, run.id(), filter).chain(outcome -> runs.finish(run.id(), finish(outcome))))
                .subscribe()
                .with(progress::finished, failure -> progress.failed(run, failure));
        return finished;
    }

    /** A run started elsewhere: followed in memory if it runs in this process, else in the database. */
    private Uni<RunRow> joined(RunRow run) {
        return progress.runsHere(run.id()) ? progress.await(run) : progress.follow(run);
    }

    private static SyncRunRepository.Finish finish(SyncOutcome outcome) {
        return new SyncRunRepository.Finish(
                outcome.status(),
                outcome.inserted(),
                outcome.updated(),
                outcome.unchanged(),
                outcome.removed(),
                outcome.assetsSeen(),
                outcome.errors(),
                "Synced " + outcome.assetsSynced() + " assets from Fanvue Vault");
    }

    /**
     * A run the caller started or joined.
     *
     * @param run the run as it was when started or joined
     * @param started false when another request had started it
     * @param finished completes with the run as it ended
     */
    public record StartedRun(RunRow run, boolean started, Uni<RunRow> finished) {}
}
