package com.onyxos.vault.service;

import io.smallrye.mutiny.Uni;
import java.util.ArrayDeque;
import java.util.Queue;

/** A non-blocking counting semaphore: work beyond the limit waits in arrival order, no thread is held. */
final class Permits {

    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int available;

    Permits(int available) {
        this.available = available;
    }

    /** Runs {@code work} once a permit is free and frees it when the work ends, however it ends. */
    <T> Uni<T> run(Uni<T> work) {
        return Uni.createFrom()
                .emitter(emitter -> acquire(() -> emitter.complete(null)))
                .chain(() -> work)
                .eventually(this::release);
    }

    private void acquire(Runnable go) {
        synchronized (this) {
            if (available == 0) {
                waiting.add(go);
                return;
            }
            available--;
        }
        go.run();
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                available++;
                return;
            }
        }
        next.run();
    }
}
