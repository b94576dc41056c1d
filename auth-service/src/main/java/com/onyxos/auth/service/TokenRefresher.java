package com.onyxos.auth.service;

import com.onyxos.auth.config.BrokerConfig;
import com.onyxos.auth.crypto.SecretCipher;
import com.onyxos.auth.repository.FanvueConnectionRepository;
import com.onyxos.auth.repository.FanvueConnectionRepository.RefreshedTokens;
import com.onyxos.auth.repository.StoredConnection;
import com.onyxos.common.fanvue.FanvueClient;
import com.onyxos.common.fanvue.FanvueException;
import com.onyxos.common.fanvue.model.FanvueTokens;
import com.onyxos.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Refreshes one connection's tokens at most once at a time across every replica. The refresh lease is a
 * conditional update in Postgres; whoever takes it re-reads the row (another replica may have just refreshed),
 * presents the refresh token once, and stores the new pair with {@code version + 1} before anyone uses it. Those
 * who find the lease taken wait for its outcome instead of refreshing too. A refresh token is never presented
 * twice by us after Fanvue rejected it: {@code invalid_grant} ends in {@code reauth_required}.
 */
public class TokenRefresher {

    private static final Logger LOG = Logger.getLogger(TokenRefresher.class);
    private static final Duration FIRST_POLL = Duration.ofMillis(50);
    private static final Duration MAX_POLL = Duration.ofMillis(500);

    private final FanvueConnectionRepository connections;
    private final ConnectionSecrets secrets;
    private final FanvueClient fanvue;
    private final BrokerConfig config;
    private final BrokerMetrics metrics;
    private final Clock clock;
    private final String owner;

    /**
     * @param owner this replica's identity in the lease column (unique per process)
     */
    public TokenRefresher(
            FanvueConnectionRepository connections,
            ConnectionSecrets secrets,
            FanvueClient fanvue,
            BrokerConfig config,
            BrokerMetrics metrics,
            Clock clock,
            String owner) {
        this.connections = connections;
        this.secrets = secrets;
        this.fanvue = fanvue;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.owner = owner;
    }

    /**
     * Makes sure {@code seen}'s tokens are renewed: by us, or by whoever holds the lease. With {@code rejected},
     * the access token of {@code seen} was refused by Fanvue and a newer version is needed even if not expiring.
     * Returns the connection as stored afterwards (status {@code reauth_required} when Fanvue refused the refresh).
     */
    public Uni<StoredConnection> refresh(StoredConnection seen, boolean rejected) {
        return connections.tryLease(seen.id(), owner, config.leaseDuration()).chain(leased -> {
            if (leased == null) {
                return awaitOther(seen, clock.instant().plus(config.awaitOtherRefresh()), FIRST_POLL);
            }
            if (leased.version() > seen.version() && (rejected || fresh(leased))) {
                // Another replica refreshed between our read and our lease: use its tokens.
                return connections.releaseLease(leased.id(), owner, null).replaceWith(leased);
            }
            return presentRefreshToken(leased);
        });
    }

    private Uni<StoredConnection> presentRefreshToken(StoredConnection leased) {
        SecretCipher.Opened refreshToken = secrets.openRefresh(leased);
        if (refreshToken == null) {
            return reauth(leased, "no refresh token was granted (offline_access missing)");
        }
        return fanvue.oauth()
                .refresh(refreshToken.plaintext())
                .onItem()
                .transformToUni(tokens -> store(leased, tokens))
                .onFailure(FanvueException.OAuthError.class)
                .recoverWithUni(failure -> rejectedRefresh(leased, (FanvueException.OAuthError) failure))
                .onFailure(FanvueException.class)
                .recoverWithUni(failure -> unavailable(leased, failure));
    }

    private Uni<StoredConnection> store(StoredConnection leased, FanvueTokens tokens) {
        List<String> scopes = tokens.scope() == null || tokens.scope().isBlank()
                ? null
                : Arrays.asList(tokens.scope().trim().split("\\s+"));
        RefreshedTokens sealed = new RefreshedTokens(
                secrets.sealAccess(leased.id(), tokens.accessToken()),
                secrets.sealRefresh(leased.id(), tokens.refreshToken()),
                clock.instant().plusSeconds(tokens.expiresIn()),
                scopes);
        return connections.storeRefreshed(leased.id(), owner, sealed).map(stored -> {
            if (stored == null) {
                // The lease outlived its duration and someone else took it: our pair is lost, theirs stands.
                LOG.errorf(
                        "Refresh of connection %s finished after its lease ended; the new pair was not stored",
                        leased.id());
                throw FanvueFailures.unavailable(new IllegalStateException("refresh lease lost"));
            }
            metrics.refreshed("success");
            return stored;
        });
    }

    private Uni<StoredConnection> rejectedRefresh(StoredConnection leased, FanvueException.OAuthError failure) {
        if (failure.invalidGrant()) {
            return reauth(leased, "Fanvue rejected the refresh token (invalid_grant)");
        }
        metrics.refreshed("rejected");
        String error = "Fanvue refused the refresh: " + failure.error().orElse("status " + failure.status());
        return connections
                .releaseLease(leased.id(), owner, error)
                .replaceWith(Uni.createFrom()
                        .failure(new ProblemException(
                                502, "fanvue_refresh_failed", "Fanvue refused the refresh", error)));
    }

    private Uni<StoredConnection> reauth(StoredConnection leased, String reason) {
        metrics.refreshed("invalid_grant");
        LOG.warnf("Fanvue connection %s needs a new authorization: %s", leased.id(), reason);
        return connections.markReauthRequired(leased.id(), owner, reason);
    }

    /**
     * No usable answer: Fanvue may or may not have rotated. The lease ends with the error recorded; the next
     * attempt presents the same token once more, which either works or ends in {@code invalid_grant} — never a loop.
     */
    private Uni<StoredConnection> unavailable(StoredConnection leased, Throwable failure) {
        metrics.refreshed("unavailable");
        return connections
                .releaseLease(leased.id(), owner, "Fanvue unavailable during refresh: " + failure.getMessage())
                .replaceWith(Uni.createFrom().failure(FanvueFailures.unavailable(failure)));
    }

    private Uni<StoredConnection> awaitOther(StoredConnection seen, java.time.Instant deadline, Duration pause) {
        return Uni.createFrom()
                .voidItem()
                .onItem()
                .delayIt()
                .by(pause)
                .chain(() -> connections.findById(seen.id()))
                .chain(now -> {
                    boolean settled = now == null
                            || now.version() > seen.version()
                            || "reauth_required".equals(now.status())
                            || "revoked".equals(now.status())
                            || now.leaseOwner() == null;
                    if (settled) {
                        return Uni.createFrom().item(now);
                    }
                    if (clock.instant().isAfter(deadline)) {
                        return Uni.createFrom()
                                .failure(new ProblemException(
                                        503,
                                        "fanvue_refresh_in_progress",
                                        "Refresh in progress",
                                        "Another replica is still refreshing this connection; try again shortly."));
                    }
                    Duration next = pause.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : pause.multipliedBy(2);
                    return awaitOther(seen, deadline, next);
                });
    }

    private boolean fresh(StoredConnection connection) {
        return connection.tokenExpiresAt() != null
                && connection.tokenExpiresAt().isAfter(clock.instant().plus(config.refreshAhead()));
    }
}
