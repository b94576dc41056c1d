package com.onyxos.common.fanvue.internal;

import java.time.Duration;
import java.util.PriorityQueue;

/** A clock that moves only when a test says so, with the timers due on the way run in order. */
final class ManualTimers implements Timers {

    private record Task(long at, long seq, Runnable action) {}

    private final PriorityQueue<Task> tasks =
            new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long now = 1_000_000_000L;
    private long seq;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void schedule(long delayNanos, Runnable action) {
        tasks.add(new Task(now + Math.max(0, delayNanos), seq++, action));
    }

    /** Moves the clock forward, running every timer that falls due on the way. */
    void advance(Duration step) {
        long target;
        synchronized (this) {
            target = now + step.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.at > target) {
                    now = target;
                    return;
                }
                tasks.poll();
                now = next.at;
            }
            next.action.run();
        }
    }
}
