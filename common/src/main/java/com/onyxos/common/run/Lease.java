package com.onyxos.common.run;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * This process's hold on one run it started: heartbeated by {@link RunLeases} until released. The holder writes the
 * run's outcome through {@link #finish}, fenced with {@code owner = }{@link #owner()} and {@code status = 'running'},
 * so a run another process has already closed (its owner taken for dead) is never overwritten. When the heartbeat
 * finds the run closed by someone else, the lease is lost and {@link #onLost} callbacks stop the work.
 */
public final class Lease {

    private enum State {
        HELD,
        FINISHING,
        RELEASED,
        LOST
    }

    private final RunTable table;
    private final UUID runId;
    private final String owner;
    private final RunLeases leases;
    private final List<Runnable> onLost = new ArrayList<>();
    private State state = State.HELD;

    Lease(RunTable table, UUID runId, String owner, RunLeases leases) {
        this.table = table;
        this.runId = runId;
        this.owner = owner;
        this.leases = leases;
    }

    public UUID runId() {
        return runId;
    }

    /** The owner id the run was started under: fence every write of the run with it. */
    public String owner() {
        return owner;
    }

    public RunTable table() {
        return table;
    }

    /** Runs {@code callback} once if the run is lost (at once if it already is). */
    public void onLost(Runnable callback) {
        boolean now;
        synchronized (this) {
            now = state == State.LOST;
            if (!now) {
                onLost.add(callback);
            }
        }
        if (now) {
            callback.run();
        }
    }

    /** Whether another process closed the run (this one must stop working on it). */
    public synchronized boolean lost() {
        return state == State.LOST;
    }

    /**
     * Writes the outcome with {@code statement} (fenced by the caller on {@link #owner()}), still heartbeating and
     * never reported lost meanwhile, then releases the lease whatever happened.
     */
    public <T> Uni<T> finish(Supplier<Uni<T>> statement) {
        return Uni.createFrom()
                .deferred(() -> {
                    synchronized (this) {
                        if (state == State.HELD) {
                            state = State.FINISHING;
                        }
                    }
                    return statement.get();
                })
                .eventually(this::release);
    }

    /** Stops heartbeating the run (after its outcome was written, or when giving up on it). */
    public void release() {
        synchronized (this) {
            if (state == State.LOST || state == State.RELEASED) {
                return;
            }
            state = State.RELEASED;
        }
        leases.forget(this);
    }

    /** Called by the heartbeat when the run is no longer running under this owner. */
    void markLost() {
        List<Runnable> callbacks;
        synchronized (this) {
            if (state != State.HELD) {
                return;
            }
            state = State.LOST;
            callbacks = List.copyOf(onLost);
            onLost.clear();
        }
        leases.forget(this);
        leases.metrics().lost(table);
        callbacks.forEach(Runnable::run);
    }

    @Override
    public String toString() {
        return "Lease[" + table.name() + " " + runId + " by " + owner + "]";
    }
}
