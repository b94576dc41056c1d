package com.onyxos.common.run;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The process's lock session: one connection taken from the pool for the process's lifetime, holding the
 * session-level advisory lock {@code (RunLeases.LOCK_NAMESPACE, hashtext(owner))}. PostgreSQL releases the lock the
 * moment the connection ends (process killed, connection terminated), which is how others know the owner is dead.
 * A lost session is opened again at once under the same owner when its lock is free; otherwise (another session holds
 * the key) a new owner id is taken and the old one's runs are given up.
 */
final class OwnerSession {

    private static final Logger LOG = Logger.getLogger(OwnerSession.class);
    private static final int IDENTITIES_TRIED = 3;

    /** The owner and the connection that holds its lock. */
    record Held(RunOwner owner, SqlConnection connection) {}

    private final Vertx vertx;
    private final Pool pool;
    private final Supplier<RunOwner> identities;
    private final Duration reconnectEvery;
    private final Consumer<RunOwner> ownerChanged;
    private RunOwner owner;
    private Held current;
    private Uni<Held> opening;
    private boolean closed;

    OwnerSession(
            Vertx vertx,
            Pool pool,
            Supplier<RunOwner> identities,
            Duration reconnectEvery,
            Consumer<RunOwner> ownerChanged) {
        this.vertx = vertx;
        this.pool = pool;
        this.identities = identities;
        this.reconnectEvery = reconnectEvery;
        this.ownerChanged = ownerChanged;
        this.owner = identities.get();
    }

    /** The owner and its locked connection, opening the session if it is not open. */
    synchronized Uni<Held> held() {
        if (closed) {
            return Uni.createFrom().failure(new IllegalStateException("run leases are closed"));
        }
        if (current != null) {
            return Uni.createFrom().item(current);
        }
        if (opening == null) {
            opening = open().onItemOrFailure().invoke(this::opened).memoize().indefinitely();
        }
        return opening;
    }

    /** The current owner id, whether or not its session is open right now. */
    synchronized RunOwner owner() {
        return owner;
    }

    /** Checks an open session with a trivial statement (a broken one is reopened); does nothing when none is open. */
    Uni<Void> ping() {
        Held held;
        synchronized (this) {
            held = current;
        }
        if (held == null) {
            return Uni.createFrom().voidItem();
        }
        return held.connection()
                .query("select 1")
                .execute()
                .onFailure()
                .invoke(failure -> failed(held))
                .replaceWithVoid();
    }

    /** Stops reopening, unlocks and hands the connection back. */
    Uni<Void> close() {
        Held held;
        synchronized (this) {
            closed = true;
            held = current;
            current = null;
        }
        return held == null ? Uni.createFrom().voidItem() : release(held);
    }

    /** Hands the connection back to the pool, which it must not reach still carrying our lock. */
    private static Uni<Void> release(Held held) {
        return held.connection()
                .query("select pg_advisory_unlock_all()")
                .execute()
                .onItemOrFailure()
                .transformToUni((rows, failure) -> held.connection().close());
    }

    private Uni<Held> open() {
        return pool.getConnection().chain(connection -> lock(connection, 1));
    }

    private Uni<Held> lock(SqlConnection connection, int attempt) {
        RunOwner candidate = owner();
        return connection
                .preparedQuery("select pg_try_advisory_lock($1, hashtext($2)) as locked")
                .execute(Tuple.of(RunLeases.LOCK_NAMESPACE, candidate.id()))
                .onFailure()
                .call(connection::close)
                .chain(rows -> {
                    if (rows.iterator().next().getBoolean("locked")) {
                        return Uni.createFrom().item(new Held(candidate, connection));
                    }
                    if (attempt >= IDENTITIES_TRIED) {
                        return connection.close().chain(() -> Uni.createFrom()
                                .failure(new IllegalStateException(
                                        "no free owner lock after " + IDENTITIES_TRIED + " identities")));
                    }
                    // Someone holds our key: a hash collision, or our previous session still alive on the server
                    // (a connection cut without closing). Our old runs cannot be proven ours any more.
                    RunOwner next = identities.get();
                    LOG.warnf("Run owner lock of %s is held elsewhere; continuing as %s", candidate, next);
                    synchronized (this) {
                        owner = next;
                    }
                    ownerChanged.accept(next);
                    return lock(connection, attempt + 1);
                });
    }

    private void opened(Held held, Throwable failure) {
        boolean close;
        synchronized (this) {
            opening = null;
            close = closed && held != null;
            if (held != null && !closed) {
                current = held;
            }
        }
        if (close) {
            held.connection().closeAndForget();
            return;
        }
        if (held == null) {
            LOG.debugf("Run lease session could not be opened: %s", failure.getMessage());
            return;
        }
        held.connection().closeHandler(() -> lost(held));
    }

    /** The session's connection ended: reopen it (retrying every {@code reconnectEvery}) until closed. */
    private void lost(Held held) {
        synchronized (this) {
            if (current != held) {
                return;
            }
            current = null;
        }
        LOG.warnf("Run lease session of %s was lost; reopening it", held.owner());
        reopen();
    }

    private void reopen() {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        held().subscribe()
                .with(
                        held -> LOG.infof("Run lease session of %s reopened", held.owner()),
                        failure -> vertx.setTimer(reconnectEvery.toMillis(), id -> reopen()));
    }

    /** Treats a failed statement on the session as a lost session (the close handler may come later or never). */
    void failed(Held held) {
        lost(held);
        release(held).subscribe().with(done -> {}, failure -> {});
    }
}
