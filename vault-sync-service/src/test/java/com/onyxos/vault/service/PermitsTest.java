package com.onyxos.vault.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The non-blocking semaphore that bounds concurrent creators and concurrent database writers. */
class PermitsTest {

    @Test
    void runsAtMostTheLimitAtOnceAndTheRestInArrivalOrder() {
        Permits permits = new Permits(2);
        List<UniEmitter<? super String>> running = new ArrayList<>();
        List<String> started = new ArrayList<>();
        List<String> finished = new ArrayList<>();
        for (String name : List.of("a", "b", "c", "d")) {
            permits.run(Uni.createFrom().<String>emitter(emitter -> {
                        started.add(name);
                        running.add(emitter);
                    }))
                    .subscribe()
                    .with(finished::add);
        }

        assertThat(started).containsExactly("a", "b");
        running.get(1).complete("b");
        assertThat(started).containsExactly("a", "b", "c");
        running.get(0).complete("a");
        assertThat(started).containsExactly("a", "b", "c", "d");
        running.get(2).complete("c");
        running.get(3).complete("d");
        assertThat(finished).containsExactly("b", "a", "c", "d");
    }

    @Test
    void aFailureFreesItsPermit() {
        Permits permits = new Permits(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        permits.run(Uni.createFrom().<String>failure(new IllegalStateException("boom")))
                .subscribe()
                .with(item -> {}, failure::set);
        AtomicInteger ran = new AtomicInteger();
        permits.run(Uni.createFrom().item(ran::incrementAndGet)).subscribe().with(item -> {});

        assertThat(failure.get()).hasMessage("boom");
        assertThat(ran).hasValue(1);
    }

    @Test
    void workIsNotStartedBeforeItHasAPermit() {
        Permits permits = new Permits(1);
        AtomicReference<UniEmitter<? super String>> first = new AtomicReference<>();
        permits.run(Uni.createFrom().<String>emitter(first::set)).subscribe().with(item -> {});
        AtomicInteger subscribed = new AtomicInteger();
        permits.run(Uni.createFrom().item(() -> {
                    subscribed.incrementAndGet();
                    return "second";
                }))
                .subscribe()
                .with(item -> {});

        assertThat(subscribed).hasValue(0);
        first.get().complete("first");
        assertThat(subscribed).hasValue(1);
    }
}
