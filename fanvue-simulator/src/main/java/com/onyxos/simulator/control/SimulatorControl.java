package com.onyxos.simulator.control;

import com.onyxos.simulator.SimulatorSettings;
import com.onyxos.simulator.SimulatorState;
import com.onyxos.simulator.faults.FaultRule;
import com.onyxos.simulator.faults.Latency;
import com.onyxos.simulator.oauth.OAuthClient;
import com.onyxos.simulator.oauth.TokenResponse;
import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.Earning;
import com.onyxos.simulator.world.Media;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The admin operations, for in-process tests; the admin HTTP API under {@code /_simulator} calls the same ones. */
public final class SimulatorControl {
    private final SimulatorState state;
    private Mutations mutations;

    public SimulatorControl(SimulatorState state) {
        this.state = state;
        this.mutations = new Mutations(state.settings().now());
    }

    /** Regenerates the same world and forgets tokens, buckets, faults, latency and the journal. */
    public void reset() {
        reset(state.settings());
    }

    /** Regenerates from other settings (seed, sizes, limits); forgets everything else too. */
    public void reset(SimulatorSettings settings) {
        state.locked(() -> {
            state.reset(settings);
            mutations = new Mutations(settings.now());
            return null;
        });
    }

    public SimulatorSettings settings() {
        return state.settings();
    }

    public WorldSummary world() {
        return state.locked(
                () -> WorldSummary.of(state.world(), state.settings().seed()));
    }

    public Stats stats() {
        return state.locked(() -> new Stats(
                state.journal().requests(),
                state.journal().tooManyRequests(),
                state.journal().earlyRequests(),
                state.tokens().refreshGrants(),
                state.tokens().revokedGrants()));
    }

    public List<JournalEntry> journal(JournalFilter filter) {
        return state.locked(() -> state.journal().find(filter));
    }

    public void clearJournal() {
        state.locked(() -> {
            state.journal().clear();
            return null;
        });
    }

    public FaultRule addFault(FaultRule rule) {
        return state.locked(() -> state.faults().add(rule));
    }

    public boolean removeFault(String id) {
        return state.locked(() -> state.faults().remove(id));
    }

    public List<FaultRule> faults() {
        return state.locked(() -> state.faults().rules());
    }

    /** Removes every fault rule and the global latency. */
    public void clearFaults() {
        state.locked(() -> {
            state.faults().clear();
            return null;
        });
    }

    public void latency(Latency latency) {
        state.locked(() -> {
            state.faults().latency(latency);
            return null;
        });
    }

    public TokenResponse issueToken(TokenRequest request) {
        return state.locked(() -> {
            state.world()
                    .user(request.userUuid())
                    .orElseThrow(() -> new IllegalArgumentException("no user " + request.userUuid()));
            List<OAuthClient> clients = state.settings().clients();
            String clientId = request.clientId() == null ? clients.get(0).clientId() : request.clientId();
            List<String> scopes = new ArrayList<>(request.scopes() == null ? List.of() : request.scopes());
            if (Boolean.TRUE.equals(request.offlineAccess()) && !scopes.contains("offline_access")) {
                scopes.add("offline_access");
            }
            Duration ttl = request.ttlSeconds() == null
                    ? state.settings().accessTokenTtl()
                    : Duration.ofSeconds(request.ttlSeconds());
            return state.tokens().issueDirect(clientId, request.userUuid(), scopes, ttl);
        });
    }

    /** Expires the access tokens of one user, or of everyone when {@code userUuid} is null; returns how many. */
    public int expireTokens(String userUuid) {
        return state.locked(() -> state.tokens().expire(userUuid));
    }

    public void createFolder(String creatorUuid, String name) {
        mutate(creatorUuid, (m, c) -> {
            m.createFolder(c, name);
            return null;
        });
    }

    public void renameFolder(String creatorUuid, String from, String to) {
        mutate(creatorUuid, (m, c) -> {
            m.renameFolder(c, from, to);
            return null;
        });
    }

    public void deleteFolder(String creatorUuid, String name) {
        mutate(creatorUuid, (m, c) -> {
            m.deleteFolder(c, name);
            return null;
        });
    }

    public Media addMedia(String creatorUuid, NewMedia media) {
        return mutate(creatorUuid, (m, c) -> m.addMedia(c, media));
    }

    public void moveMedia(String creatorUuid, String mediaUuid, String fromFolder, String toFolder) {
        mutate(creatorUuid, (m, c) -> {
            m.moveMedia(c, mediaUuid, fromFolder, toFolder);
            return null;
        });
    }

    public void deleteMedia(String creatorUuid, String mediaUuid) {
        mutate(creatorUuid, (m, c) -> {
            m.deleteMedia(c, mediaUuid);
            return null;
        });
    }

    public Earning addEarning(String creatorUuid, NewEarning earning) {
        return mutate(creatorUuid, (m, c) -> m.addEarning(c, earning));
    }

    public CreatorTruth truth(String creatorUuid) {
        return state.locked(() -> GroundTruth.of(state.world().creator(creatorUuid)));
    }

    /** The truth with earnings limited to rows dated in [start, end); a null bound is open. */
    public CreatorTruth truth(String creatorUuid, Instant start, Instant end) {
        return state.locked(() -> GroundTruth.of(state.world().creator(creatorUuid), start, end));
    }

    /**
     * Sets the {@code transactionOrderStatus} of the order's original rows (gross ≥ 0), as Fanvue does when an order
     * settles or is disputed; answers how many rows changed.
     */
    public int setEarningStatus(String creatorUuid, String transactionOrderId, String status) {
        return mutate(creatorUuid, (m, c) -> m.setEarningStatus(c, transactionOrderId, status));
    }

    private <T> T mutate(String creatorUuid, Mutation<T> mutation) {
        return state.locked(() -> mutation.apply(mutations, state.world().creator(creatorUuid)));
    }

    /** A change to one creator's account. */
    @FunctionalInterface
    private interface Mutation<T> {
        T apply(Mutations mutations, AccountData creator);
    }
}
