package com.onyxos.common.run;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Run leases: one running run per scope cluster-wide, a dead owner noticed in seconds (at once when its process or
 * connection died), a live run never closed however slow its work.
 *
 * <p>This process is one owner ({@code <app>@<instance>:<pid>/<process start>/<random>}). It holds the session-level
 * advisory lock {@code (LOCK_NAMESPACE, hashtext(owner))} on one dedicated connection of the pool for its lifetime (one
 * connection per process, not per run), and every {@link RunLeaseConfig#heartbeatEvery()} it writes
 * {@code heartbeat_at} of all the runs it owns, one statement per table, on that connection: staleness means "the
 * process stopped", never "the work is slow". An owner is <b>dead</b> when its lock is not held (PostgreSQL releases
 * it as soon as the connection ends: SIGKILL, crash, terminated backend) <b>or</b> its heartbeat is older than
 * {@link RunLeaseConfig#deadAfter()} (a frozen process, or one whose connection was cut without closing).
 *
 * <p>{@link #claim} starts a run or joins the live one; a dead owner's run is closed ({@code status 'failed'},
 * {@code closed_by}, an error saying so, whatever counts it recorded kept) and a new run started in the same call.
 * Two processes racing to take over the same dead run: the row lock lets one close it and the unique index lets one
 * start the next; the other joins it. Followers of a run ({@link #closeIfDead}) and a periodic sweep
 * ({@link #closeDead}) close runs nobody claims again. A holder whose run was closed by someone else (it was taken for
 * dead: frozen, or cut off) learns it at its next heartbeat and its {@link Lease} is lost; every write it makes is
 * fenced on {@code owner} and {@code status = 'running'}.
 */
@ApplicationScoped
public class RunLeases {

    /** First key of our advisory locks ("RUN"); the two-key form never collides with single-bigint locks. */
    public static final int LOCK_NAMESPACE = 0x52554E;

    /** Message of a run closed because its process died. */
    public static final String ABANDONED =
            "Stopped without finishing: its process died. What it wrote is kept;" + " the next run converges.";

    private static final Logger LOG = Logger.getLogger(RunLeases.class);
    private static final int MAX_ROUNDS = 5;

    private final Pool pool;
    private final RunLeaseConfig config;
    private final RunMetrics metrics;
    private final OwnerSession session;
    private final Vertx vertx;
    private final Map<UUID, Lease> held = new ConcurrentHashMap<>();
    private final AtomicBoolean beating = new AtomicBoolean();
    private final long timer;

    @Inject
    public RunLeases(
            Vertx vertx,
            Pool pool,
            RunLeaseConfig config,
            MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.name", defaultValue = "onyx") String application) {
        this.vertx = vertx;
        this.pool = pool;
        this.config = config;
        this.metrics = new RunMetrics(registry);
        String instance = config.instanceId().orElse(null);
        this.session = new OwnerSession(
                vertx, pool, () -> RunOwner.next(application, instance), config.reconnectEvery(), this::ownerChanged);
        this.timer = vertx.setPeriodic(config.heartbeatEvery().toMillis(), id -> beat());
    }

    /** This process's owner id, once its lock is held (the session opens on first use). */
    public Uni<String> owner() {
        return session.held().map(held -> held.owner().id());
    }

    /**
     * Starts a run or joins the live one of the same scope.
     *
     * @param insert inserts the run as the given owner and answers its id; it fails with the violation of
     *     {@link RunTable#oneRunningIndex()} when a run of the scope is running
     * @param running answers the id of the scope's running run, or null
     */
    public Uni<Claim> claim(RunTable table, Function<String, Uni<UUID>> insert, Supplier<Uni<UUID>> running) {
        return session.held()
                .chain(held -> attempt(new Attempt(table, held.owner().id(), insert, running), null, 1));
    }

    /** Closes the run if it is running and its owner is dead; answers whether this call closed it. */
    public Uni<Boolean> closeIfDead(RunTable table, UUID runId) {
        return close(table, "r.id = $3", Tuple.of(closer(), RunLeases.ABANDONED, runId), "follower")
                .map(closed -> closed > 0);
    }

    /** Closes every running run of the table whose owner is dead; answers how many. */
    public Uni<Integer> closeDead(RunTable table) {
        return close(table, "true", Tuple.of(closer(), RunLeases.ABANDONED), "sweep");
    }

    /**
     * SQL that is true while the run {@code alias} has a live owner: its heartbeat is fresh and its owner's lock held.
     * For a follower's read of a run, so that one statement tells a dead owner.
     */
    public String alive(String alias) {
        return "(" + alias + ".heartbeat_at > now() - interval '"
                + config.deadAfter().toMillis() + " milliseconds' and " + lockHeld(alias + ".owner") + ")";
    }

    /** SQL that is true while the process whose owner id is {@code ownerExpression} holds its lock session. */
    public static String lockHeld(String ownerExpression) {
        return "exists (select 1 from pg_locks l where l.locktype = 'advisory' and l.granted and l.objsubid = 2"
                + " and l.classid = " + LOCK_NAMESPACE + " and l.objid = hashtext(" + ownerExpression + ")::oid"
                + " and l.database = (select oid from pg_database where datname = current_database()))";
    }

    /** Stops heartbeating, unlocks and hands the lock session's connection back (the process's runs become dead). */
    public Uni<Void> close() {
        vertx.cancelTimer(timer);
        return session.close();
    }

    @PreDestroy
    void destroy() {
        try {
            close().await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            // Shutting down: the pool closing ends the session (and releases the lock) anyway.
            LOG.debugf("Run lease session not closed cleanly: %s", e.getMessage());
        }
    }

    RunMetrics metrics() {
        return metrics;
    }

    void forget(Lease lease) {
        held.remove(lease.runId(), lease);
    }

    private Uni<Claim> attempt(Attempt attempt, UUID replaced, int round) {
        return attempt.insert()
                .apply(attempt.owner())
                .map(id -> started(attempt, id, replaced))
                .onFailure(attempt.table()::alreadyRunning)
                .recoverWithUni(() -> joinOrReplace(attempt, replaced, round));
    }

    private Uni<Claim> joinOrReplace(Attempt attempt, UUID replaced, int round) {
        if (round >= MAX_ROUNDS) {
            return Uni.createFrom()
                    .failure(new IllegalStateException("no run could be started or joined in "
                            + attempt.table().name() + " after " + round + " attempts"));
        }
        return attempt.running()
                .get()
                .chain(id -> id == null
                        ? attempt(attempt, replaced, round + 1)
                        : state(attempt.table(), id).chain(state -> switch (state) {
                            case ALIVE -> Uni.createFrom().item(new Claim(id, null, replaced));
                            case ENDED -> attempt(attempt, replaced, round + 1);
                            case DEAD ->
                                takeOver(attempt, id)
                                        .chain(closed -> attempt(attempt, closed ? id : replaced, round + 1));
                        }));
    }

    private Uni<Boolean> takeOver(Attempt attempt, UUID runId) {
        return close(attempt.table(), "r.id = $3", Tuple.of(attempt.owner(), RunLeases.ABANDONED, runId), "claim")
                .map(closed -> {
                    if (closed > 0) {
                        metrics.takeover(attempt.table());
                        LOG.warnf(
                                "Run %s of %s had a dead owner: closed, starting the next",
                                runId, attempt.table().name());
                    }
                    return closed > 0;
                });
    }

    private Claim started(Attempt attempt, UUID runId, UUID replaced) {
        Lease lease = new Lease(attempt.table(), runId, attempt.owner(), this);
        held.put(runId, lease);
        return new Claim(runId, lease, replaced);
    }

    private enum State {
        ALIVE,
        DEAD,
        ENDED
    }

    private Uni<State> state(RunTable table, UUID runId) {
        return pool.preparedQuery("select r.status = 'running' as running, " + alive("r") + " as alive from "
                        + table.name() + " r where r.id = $1")
                .execute(Tuple.of(runId))
                .map(rows -> {
                    var iterator = rows.iterator();
                    if (!iterator.hasNext()) {
                        return State.ENDED;
                    }
                    Row row = iterator.next();
                    return !row.getBoolean("running")
                            ? State.ENDED
                            : row.getBoolean("alive") ? State.ALIVE : State.DEAD;
                });
    }

    /** Closes the running runs matching {@code where} (on {@code r}) whose owner is dead; $1 closer, $2 message. */
    private Uni<Integer> close(RunTable table, String where, Tuple parameters, String by) {
        String sql = "update " + table.name() + " as r set status = 'failed', finished_at = now(), closed_by = $1,"
                + " message = coalesce(r.message, $2), errors = array_append(r.errors, 'Run abandoned: its process"
                + " stopped (last heartbeat ' || to_char(r.heartbeat_at at time zone 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') || '); what it wrote is kept and the next run converges')"
                + " where r.status = 'running' and " + where + " and not " + alive("r") + " returning r.id";
        return pool.preparedQuery(sql).execute(parameters).map(RowSet::rowCount).invoke(closed -> {
            metrics.closedDead(table, by, closed);
            if (closed > 0 && !"claim".equals(by)) {
                LOG.warnf("Closed %d run(s) of %s whose process died", closed, table.name());
            }
        });
    }

    private String closer() {
        return session.owner().id();
    }

    private void ownerChanged(RunOwner now) {
        held.values().forEach(Lease::markLost);
    }

    /** Writes the heartbeat of every run this process holds; runs no longer ours are lost. */
    private void beat() {
        if (!beating.compareAndSet(false, true)) {
            return;
        }
        if (held.isEmpty()) {
            // No runs, but the session may still name this process elsewhere (a refresh lease): keep it checked.
            session.ping().subscribe().with(done -> beating.set(false), failure -> beating.set(false));
            return;
        }
        session.held().chain(this::beatAll).subscribe().with(done -> beating.set(false), failure -> {
            beating.set(false);
            LOG.debugf("Run heartbeat skipped: %s", failure.getMessage());
        });
    }

    private Uni<Void> beatAll(OwnerSession.Held current) {
        Map<RunTable, List<Lease>> byTable = new HashMap<>();
        for (Lease lease : held.values()) {
            if (lease.owner().equals(current.owner().id())) {
                byTable.computeIfAbsent(lease.table(), table -> new ArrayList<>())
                        .add(lease);
            } else {
                lease.markLost();
            }
        }
        return Multi.createFrom()
                .iterable(byTable.entrySet())
                .onItem()
                .transformToUniAndConcatenate(entry -> beat(current, entry.getKey(), entry.getValue()))
                .collect()
                .last()
                .replaceWithVoid();
    }

    private Uni<Void> beat(OwnerSession.Held held, RunTable table, List<Lease> leases) {
        return held.connection()
                .preparedQuery("update " + table.name() + " set heartbeat_at = now()"
                        + " where owner = $1 and status = 'running' returning id")
                .execute(Tuple.of(held.owner().id()))
                .onFailure()
                .invoke(failure -> session.failed(held))
                .invoke(rows -> {
                    Set<UUID> running = new HashSet<>();
                    rows.forEach(row -> running.add(row.getUUID("id")));
                    leases.stream()
                            .filter(lease -> !running.contains(lease.runId()))
                            .forEach(Lease::markLost);
                })
                .replaceWithVoid();
    }

    private record Attempt(
            RunTable table, String owner, Function<String, Uni<UUID>> insert, Supplier<Uni<UUID>> running) {}
}
