package com.onyxos.common.fanvue.internal;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Paces the requests of one Fanvue rate bucket so that it is never exceeded.
 *
 * <p>A local token bucket mirrors Fanvue's: its size comes from {@code X-RateLimit-Limit}, it refills that many
 * per window, and every answer's {@code X-RateLimit-Remaining} can only lower it (the server also counts other
 * replicas' calls). Until the first answer is in, one request goes alone to learn the limit. After a 429 nothing is
 * sent before its {@code Retry-After} has passed. Waiting requests are queued and released by timers: no thread
 * ever sleeps.
 */
final class RateBucket {

    private final Timers timers;
    private final long windowNanos;
    private final ArrayDeque<UniEmitter<? super Void>> waiting = new ArrayDeque<>();
    private boolean learned;
    private boolean probing;
    private boolean paced;
    private double capacity;
    private double tokens;
    private long lastRefill;
    private long blockedUntil;
    private long wakeAt = Long.MAX_VALUE;

    RateBucket(Timers timers, Duration window) {
        this.timers = timers;
        this.windowNanos = window.toNanos();
        this.blockedUntil = timers.nanoTime();
        this.lastRefill = blockedUntil;
    }

    /** Completes when this bucket may send one request (the permit is taken). */
    Uni<Void> acquire() {
        return Uni.createFrom().emitter(emitter -> {
            synchronized (this) {
                waiting.add(emitter);
            }
            emitter.onTermination(() -> forget(emitter));
            drain();
        });
    }

    /**
     * Learns from an answer's headers.
     *
     * @param retryAfter set when the answer was a 429: nothing more is sent before it has passed
     */
    void observe(OptionalLong limit, OptionalLong remaining, Duration retryAfter) {
        synchronized (this) {
            long now = timers.nanoTime();
            refill(now);
            if (limit.isPresent() && limit.getAsLong() > 0) {
                capacity = limit.getAsLong();
                if (!paced) {
                    paced = true;
                    tokens = remaining.orElse(limit.getAsLong() - 1);
                }
            }
            if (paced && remaining.isPresent()) {
                tokens = Math.min(tokens, remaining.getAsLong());
            }
            if (retryAfter != null) {
                blockedUntil = Math.max(blockedUntil, now + retryAfter.toNanos());
                tokens = Math.min(tokens, 0);
            }
            learned = true;
            probing = false;
        }
        drain();
    }

    /** A request of this bucket ended without an answer: if it was the probe, let another one probe. */
    void noAnswer() {
        synchronized (this) {
            probing = false;
        }
        drain();
    }

    private void drain() {
        List<UniEmitter<? super Void>> released = new ArrayList<>();
        long now;
        long timerAt = -1;
        synchronized (this) {
            now = timers.nanoTime();
            refill(now);
            long next = releaseWhatMayGo(now, released);
            if (next > 0 && next < wakeAt) {
                wakeAt = next;
                timerAt = next;
            }
        }
        if (timerAt > 0) {
            long at = timerAt;
            timers.schedule(at - now, () -> wake(at));
        }
        released.forEach(emitter -> emitter.complete(null));
    }

    /** Moves the requests that may go now into {@code released}; returns when to look again (0: no need). */
    private long releaseWhatMayGo(long now, List<UniEmitter<? super Void>> released) {
        while (!waiting.isEmpty()) {
            if (now < blockedUntil) {
                return blockedUntil;
            }
            if (!learned) {
                if (probing) {
                    return 0; // the probe's answer drains again
                }
                probing = true;
            } else if (paced) {
                if (tokens < 1) {
                    return now + (long) Math.ceil((1 - tokens) * windowNanos / capacity);
                }
                tokens -= 1;
            }
            released.add(waiting.poll());
        }
        return 0;
    }

    private void wake(long at) {
        synchronized (this) {
            if (wakeAt == at) {
                wakeAt = Long.MAX_VALUE;
            }
        }
        drain();
    }

    private void refill(long now) {
        if (paced && now > lastRefill) {
            tokens = Math.min(capacity, tokens + (double) (now - lastRefill) * capacity / windowNanos);
        }
        lastRefill = Math.max(lastRefill, now);
    }

    private synchronized void forget(UniEmitter<? super Void> emitter) {
        waiting.remove(emitter);
    }
}
