package com.onyxos.common.fanvue.internal;

import com.onyxos.common.fanvue.FanvueClientSettings;

/**
 * The circuit breaker of one host: opens when the failure ratio over the last {@code window} outcomes reaches the
 * threshold, rejects calls while open, then lets one trial through; the trial's outcome closes or reopens it.
 * Failures are 5xx, timeouts, resets and malformed bodies; expected 4xx answers count as successes.
 */
final class CircuitBreaker {

    /** The states of a breaker. */
    enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private final Timers timers;
    private final boolean[] outcomes;
    private final int threshold;
    private final long openNanos;
    private State state = State.CLOSED;
    private int recorded;
    private int next;
    private int failures;
    private long openUntil;
    private boolean trialInFlight;

    CircuitBreaker(Timers timers, FanvueClientSettings.Breaker settings) {
        this.timers = timers;
        this.outcomes = new boolean[Math.max(1, settings.window())];
        this.threshold = (int) Math.ceil(settings.failureRatio() * outcomes.length);
        this.openNanos = settings.openFor().toNanos();
    }

    /** Whether a call may go now; in half-open state only one trial at a time. */
    synchronized boolean tryAcquire() {
        if (state == State.OPEN && timers.nanoTime() >= openUntil) {
            state = State.HALF_OPEN;
        }
        if (state == State.HALF_OPEN) {
            if (trialInFlight) {
                return false;
            }
            trialInFlight = true;
            return true;
        }
        return state == State.CLOSED;
    }

    synchronized void onSuccess() {
        if (state == State.HALF_OPEN) {
            reset(State.CLOSED);
        } else {
            record(false);
        }
    }

    synchronized void onFailure() {
        if (state == State.HALF_OPEN) {
            open();
            return;
        }
        record(true);
    }

    /** The call ended without telling anything about the host (cancelled, or a 429). */
    synchronized void onNeutral() {
        trialInFlight = false;
    }

    synchronized State state() {
        return state;
    }

    private void record(boolean failure) {
        if (recorded == outcomes.length && outcomes[next]) {
            failures--;
        }
        outcomes[next] = failure;
        failures += failure ? 1 : 0;
        next = (next + 1) % outcomes.length;
        recorded = Math.min(recorded + 1, outcomes.length);
        if (recorded == outcomes.length && failures >= threshold) {
            open();
        }
    }

    private void open() {
        reset(State.OPEN);
        openUntil = timers.nanoTime() + openNanos;
    }

    private void reset(State newState) {
        state = newState;
        recorded = 0;
        next = 0;
        failures = 0;
        trialInFlight = false;
    }
}
