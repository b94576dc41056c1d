package com.onyxos.auth.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.auth.testing.MfaRows;
import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The replay guard and failure counter are single conditional statements: they hold on their own, without the
 * per-user lock the services add, even when many transactions run them on one row at once.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
class MfaFactorRepositoryTest {

    private static final int PARALLEL = 10;

    @Inject
    MfaFactorRepository factors;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final String user = "test|repo-" + UUID.randomUUID();
    private final UUID id = UUID.randomUUID();
    private ExecutorService threads;

    @BeforeEach
    void insertPendingFactor() throws Exception {
        threads = Executors.newFixedThreadPool(PARALLEL);
        inTransaction(() -> factors.insertPending(id, user, null, new byte[] {1, 2, 3}, now, now.plusSeconds(600)));
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void onlyALaterStepThanEveryUsedOneIsAccepted() throws Exception {
        assertThat(accept(100, now)).isTrue();
        assertThat(accept(100, now)).isFalse();
        assertThat(accept(99, now)).isFalse();
        assertThat(accept(101, now)).isTrue();
        assertThat(MfaRows.value("select last_used_step from mfa_factors where id = ?", id))
                .isEqualTo(101L);
    }

    @Test
    void anotherUserCannotUseTheFactor() throws Exception {
        assertThat(inTransaction(() -> factors.acceptStep(id, "test|someone-else", 100, now)))
                .isFalse();
        assertThat(MfaRows.value("select last_used_step from mfa_factors where id = ?", id))
                .isNull();
    }

    @Test
    void anExpiredPendingFactorAcceptsNothing() throws Exception {
        assertThat(accept(100, now.plusSeconds(600))).isFalse();
        assertThat(MfaRows.value("select status from mfa_factors where id = ?", id))
                .isEqualTo("unverified");
    }

    @Test
    void tenConcurrentTransactionsAcceptOneStepOnce() throws Exception {
        List<Boolean> results = concurrently(() -> accept(500, now));

        assertThat(results).containsOnly(true, false);
        assertThat(results.stream().filter(Boolean::booleanValue)).hasSize(1);
    }

    @Test
    void tenConcurrentFailuresLockExactlyOnceAndCountNoMoreThanTheLimit() throws Exception {
        Instant lockedUntil = now.plus(Duration.ofMinutes(15));
        assertThat(accept(50, now)).isTrue(); // verified, so it outlives its enrollment window

        List<Boolean> results =
                concurrently(() -> inTransaction(() -> factors.recordFailure(id, user, now, 5, lockedUntil)));

        assertThat(results.stream().filter(Boolean.TRUE::equals)).hasSize(1);
        assertThat(results.stream().filter(Boolean.FALSE::equals)).hasSize(4);
        assertThat(results.stream().filter(result -> result == null)).hasSize(5);
        assertThat(accept(100, now)).isFalse();
        assertThat(accept(100, lockedUntil)).isTrue();
        assertThat(MfaRows.value("select failed_attempts from mfa_factors where id = ?", id))
                .isEqualTo(0);
    }

    private boolean accept(long step, Instant at) throws Exception {
        return inTransaction(() -> factors.acceptStep(id, user, step, at));
    }

    private <T> List<T> concurrently(Callable<T> task) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            futures.add(threads.submit(task));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    private static <T> T inTransaction(Supplier<Uni<T>> work) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
