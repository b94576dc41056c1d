package com.onyxos.auth.job;

import com.onyxos.auth.config.BrokerConfig;
import com.onyxos.auth.repository.FanvueConnectionRepository;
import com.onyxos.auth.repository.OAuthStateRepository;
import com.onyxos.auth.repository.StoredConnection;
import com.onyxos.auth.service.BrokerMetricsUpdater;
import com.onyxos.auth.service.RefreshRule;
import com.onyxos.auth.service.TokenRefresher;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Every minute, refreshes the tokens that the broker's {@link RefreshRule} makes due before the next sweep (never
 * more than one margin early), so requests rarely wait for a refresh; each connection goes through the same
 * single-flight refresher as requests, so replicas sweeping at once are harmless. Also drops expired authorization
 * states and recounts connections that need a new authorization.
 */
@ApplicationScoped
public class TokenRefreshSweep {

    private static final Logger LOG = Logger.getLogger(TokenRefreshSweep.class);

    private final FanvueConnectionRepository connections;
    private final OAuthStateRepository states;
    private final TokenRefresher refresher;
    private final BrokerMetricsUpdater metrics;
    private final BrokerConfig config;
    private final RefreshRule rule;
    private final Clock clock;

    public TokenRefreshSweep(
            FanvueConnectionRepository connections,
            OAuthStateRepository states,
            TokenRefresher refresher,
            BrokerMetricsUpdater metrics,
            BrokerConfig config,
            Clock clock) {
        this.connections = connections;
        this.states = states;
        this.refresher = refresher;
        this.metrics = metrics;
        this.config = config;
        this.rule = RefreshRule.of(config);
        this.clock = clock;
    }

    @Scheduled(
            identity = "fanvue-token-refresh-sweep",
            every = "${onyx.broker.sweep-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep().replaceWithVoid();
    }

    /** Runs one sweep; the result counts the connections it refreshed. */
    public Uni<Integer> sweep() {
        Instant now = clock.instant();
        return connections
                .expiringBefore(now.plus(config.refreshAhead()).plus(config.sweepEvery()))
                .onItem()
                .transformToMulti(list -> Multi.createFrom().iterable(list))
                .select()
                .where(connection -> rule.sweepDue(
                        connection.tokenIssuedAt(), connection.tokenExpiresAt(), now, config.sweepEvery()))
                .onItem()
                .transformToUni(this::refreshQuietly)
                .merge(config.sweepConcurrency())
                .collect()
                .with(java.util.stream.Collectors.summingInt(refreshed -> refreshed ? 1 : 0))
                .call(() -> states.deleteExpired(clock.instant().minus(Duration.ofHours(1))))
                .call(metrics::recount);
    }

    private Uni<Boolean> refreshQuietly(StoredConnection connection) {
        return refresher
                .refresh(connection, false)
                .map(after -> after != null && after.version() > connection.version())
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("Sweep could not refresh connection %s: %s", connection.id(), failure.getMessage());
                    return false;
                });
    }
}
