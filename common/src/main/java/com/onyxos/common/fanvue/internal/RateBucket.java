package com.onyxos.common.fanvue.internal;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Paces the requests of one Fanvue rate bucket so that it is never exceeded.
 *
 * <p>Fanvue's headers are the truth, whatever the bucket's refill model (a token bucket refilling continuously or a
 * window refilling at once). The state is the answer Fanvue counted last, known by its {@code X-RateLimit-Reset}:
 * every request Fanvue counts pushes a continuous bucket's reset later, and a window's stays put, so a later reset
 * means a later count (which may report a refill) and an earlier one an older state (ignored); among answers with
 * the same reset the lowest {@code X-RateLimit-Remaining} counts, since requests sent together are counted in an
 * order of Fanvue's. What may go is that remaining less the requests sent and not yet answered; nothing more goes
 * before the reset, when the bucket is full again (plus the header's one-second resolution). Without a reset header
 * the bucket is taken to refill continuously, {@code limit} per window. Until the first answer is in, one request
 * goes alone to learn the limit; after a 429 nothing is sent before its {@code Retry-After}. Waiting requests are
 * queued and released by timers: no thread ever sleeps.
 */
final class RateBucket {

    /**
     * {@code X-RateLimit-Reset} is in whole seconds, and a server may round it down: the bucket is taken to be full
     * one second after the instant it names, never before.
     */
    private static final long RESET_RESOLUTION_NANOS = 1_000_000_000L;

    private final Timers timers;
    private final long windowNanos;
    private final ArrayDeque<UniEmitter<? super Long>> waiting = new ArrayDeque<>();
    private final Set<Long> inFlight = new HashSet<>();
    private long nextTicket;
    private boolean learned;
    private Long probe;
    private boolean paced;
    private long limit;
    private long newestTicket = -1;
    private long remaining;
    private long answeredAt;
    private long resetAt = -1;
    private long resetSecond = Long.MIN_VALUE;
    private long blockedUntil;
    private long wakeAt = Long.MAX_VALUE;

    RateBucket(Timers timers, Duration window) {
        this.timers = timers;
        this.windowNanos = window.toNanos();
        this.blockedUntil = timers.nanoTime();
    }

    /** Completes with a ticket when this bucket may send one request; hand the ticket back with its answer. */
    Uni<Long> acquire() {
        return Uni.createFrom().emitter(emitter -> {
            synchronized (this) {
                waiting.add(emitter);
            }
            emitter.onTermination(() -> forget(emitter));
            drain();
        });
    }

    /**
     * Learns from the answer to the request of {@code ticket}.
     *
     * @param retryAfter set when the answer was a 429: nothing more is sent before it has passed
     */
    void observe(long ticket, RateHeaders headers, Duration retryAfter) {
        synchronized (this) {
            long now = timers.nanoTime();
            settle(ticket);
            if (headers.limit().isPresent() && headers.limit().getAsLong() > 0) {
                limit = headers.limit().getAsLong();
                paced = true;
            }
            if (paced) {
                learn(ticket, headers, now);
            }
            if (retryAfter != null) {
                blockedUntil = Math.max(blockedUntil, now + retryAfter.toNanos());
            }
            learned = true;
        }
        drain();
    }

    /** The request of {@code ticket} ended without an answer (or was cancelled): its permit is given back. */
    void noAnswer(long ticket) {
        synchronized (this) {
            settle(ticket);
        }
        drain();
    }

    /**
     * Takes in one answer. With a reset header, the answer Fanvue counted last (the latest reset) is the state, and
     * answers counted in the same second can only lower it; without one, the answer to the request sent last is the
     * state and a late answer to an earlier request can only lower it.
     */
    private void learn(long ticket, RateHeaders headers, long now) {
        long reported = headers.remaining().orElse(Math.max(0, remaining - 1));
        long reportedReset = headers.resetIn()
                .map(wait -> now + wait.toNanos() + RESET_RESOLUTION_NANOS)
                .orElse(-1L);
        if (headers.resetSecond().isPresent()) {
            long second = headers.resetSecond().getAsLong();
            if (second > resetSecond) {
                resetSecond = second;
                remaining = reported;
                resetAt = reportedReset;
            } else if (second == resetSecond) {
                remaining = Math.min(remaining, reported);
                resetAt = Math.max(resetAt, reportedReset);
            }
            newestTicket = Math.max(newestTicket, ticket);
            answeredAt = now;
        } else if (ticket > newestTicket) {
            newestTicket = ticket;
            answeredAt = now;
            remaining = reported;
            resetAt = reportedReset;
        } else if (reported < remaining) {
            remaining = reported;
            resetAt = Math.max(resetAt, reportedReset);
        }
    }

    private void settle(long ticket) {
        inFlight.remove(ticket);
        if (probe != null && probe == ticket) {
            probe = null;
        }
    }

    private void drain() {
        List<Released> released = new ArrayList<>();
        long now;
        long timerAt = -1;
        synchronized (this) {
            now = timers.nanoTime();
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
        released.forEach(permit -> permit.emitter().complete(permit.ticket()));
    }

    private record Released(UniEmitter<? super Long> emitter, long ticket) {}

    /** Moves the requests that may go now into {@code released}; returns when to look again (0: an answer will). */
    private long releaseWhatMayGo(long now, List<Released> released) {
        while (!waiting.isEmpty()) {
            if (now < blockedUntil) {
                return blockedUntil;
            }
            if (!learned) {
                if (probe != null) {
                    return 0; // the probe's answer drains again
                }
            } else if (paced) {
                long available = available(now);
                if (available < 1) {
                    return whenMoreMayGo(now);
                }
            }
            long ticket = nextTicket++;
            if (!learned) {
                probe = ticket;
            }
            inFlight.add(ticket);
            released.add(new Released(waiting.poll(), ticket));
        }
        return 0;
    }

    /** What may be sent now: the bucket as last reported (or full, past its reset) less what is on its way. */
    private long available(long now) {
        long reported;
        if (newestTicket < 0) {
            reported = limit;
        } else if (resetAt >= 0) {
            reported = now >= resetAt ? limit : remaining;
        } else {
            reported = Math.min(limit, remaining + (long) ((double) (now - answeredAt) * limit / windowNanos));
        }
        return reported - inFlight.size();
    }

    private long whenMoreMayGo(long now) {
        if (inFlight.size() >= limit) {
            return 0; // a full bucket's worth is on its way: its answers drain again
        }
        if (resetAt >= 0) {
            return now < resetAt ? resetAt : 0;
        }
        long missing = inFlight.size() + 1 - remaining;
        return answeredAt + (long) Math.ceil((double) missing * windowNanos / limit);
    }

    private void wake(long at) {
        synchronized (this) {
            if (wakeAt == at) {
                wakeAt = Long.MAX_VALUE;
            }
        }
        drain();
    }

    private synchronized void forget(UniEmitter<? super Long> emitter) {
        waiting.remove(emitter);
    }
}
