package com.onyxos.auth.service;

import com.onyxos.auth.config.BrokerConfig;
import com.onyxos.auth.crypto.SecretCipher;
import com.onyxos.auth.crypto.SecretCipherException;
import com.onyxos.auth.repository.CreatorRepository;
import com.onyxos.auth.repository.FanvueConnectionRepository;
import com.onyxos.auth.repository.StoredConnection;
import com.onyxos.common.problem.ProblemException;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Hands out Fanvue access tokens to our services: the agency's own connection first, the creator's personal one as
 * fallback; refreshed through {@link TokenRefresher} once inside their {@link RefreshRule} margin (in proportion to the
 * lifetime Fanvue gave them); served from memory until then. A freshly refreshed token is always served, even if
 * Fanvue's lifetime left it inside its own margin (counted, never refreshed again at once). A token a caller reports
 * as rejected by Fanvue is never handed out again.
 */
public class FanvueTokenBroker {

    private static final Logger LOG = Logger.getLogger(FanvueTokenBroker.class);
    private static final String UNREADABLE = "stored tokens cannot be decrypted (key missing or data altered)";
    /** A fresh token already inside its margin is served until this long before it expires. */
    private static final java.time.Duration SHORT_LIVED_SAFETY = java.time.Duration.ofSeconds(1);

    private final FanvueConnectionRepository connections;
    private final CreatorRepository creators;
    private final ConnectionSecrets secrets;
    private final TokenRefresher refresher;
    private final RefreshRule rule;
    private final BrokerMetrics metrics;
    private final Cache cache;
    private final Clock clock;

    public FanvueTokenBroker(
            FanvueConnectionRepository connections,
            CreatorRepository creators,
            ConnectionSecrets secrets,
            TokenRefresher refresher,
            BrokerConfig config,
            BrokerMetrics metrics,
            Cache cache,
            Clock clock) {
        this.connections = connections;
        this.creators = creators;
        this.secrets = secrets;
        this.refresher = refresher;
        this.rule = RefreshRule.of(config);
        this.metrics = metrics;
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * A usable access token for the agency's creator ({@code creatorId} may be null for agency-wide reads).
     *
     * @param rejected an access token Fanvue just refused (401), or null
     */
    public Uni<BrokeredToken> token(UUID agencyId, UUID creatorId, String rejected) {
        return token(agencyId, creatorId, rejected, false);
    }

    /**
     * Like {@link #token(UUID, UUID, String)}; with {@code personalOnly} only the creator's personal connection
     * answers (a creator the agency connection does not manage can be read with nothing else).
     */
    public Uni<BrokeredToken> token(UUID agencyId, UUID creatorId, String rejected, boolean personalOnly) {
        if (personalOnly) {
            if (creatorId == null) {
                return Uni.createFrom()
                        .failure(new ProblemException(
                                400, "invalid_input", "Bad Request", "A personal token needs a creatorId."));
            }
            return personal(agencyId, creatorId, rejected)
                    .onItem()
                    .ifNull()
                    .failWith(() -> FanvueFailures.notConnected(null));
        }
        return connections
                .findAgencyConnection(agencyId)
                .chain(agency ->
                        agency == null ? Uni.createFrom().<BrokeredToken>nullItem() : tokenOf(agency, rejected))
                .chain(fromAgency -> fromAgency != null
                        ? Uni.createFrom().item(fromAgency)
                        : personal(agencyId, creatorId, rejected))
                .onItem()
                .ifNull()
                .failWith(() -> FanvueFailures.notConnected(null));
    }

    private Uni<BrokeredToken> personal(UUID agencyId, UUID creatorId, String rejected) {
        if (creatorId == null) {
            return Uni.createFrom().nullItem();
        }
        return creators.fanvueUserOf(agencyId, creatorId)
                .onItem()
                .ifNull()
                .failWith(() -> new ProblemException(
                        404, "creator_not_found", "Creator not found", "No creator " + creatorId + " in this agency."))
                .chain(fanvueUser -> connections.findPersonalConnection(agencyId, fanvueUser))
                .chain(connection -> connection == null ? Uni.createFrom().nullItem() : tokenOf(connection, rejected));
    }

    /** The connection's token, refreshed if needed; null when the connection needs a new authorization. */
    private Uni<BrokeredToken> tokenOf(StoredConnection connection, String rejected) {
        try {
            return readOrRefresh(connection, rejected);
        } catch (SecretCipherException unreadable) {
            // A key left the ring too early, or the row was altered: only a new authorization can help.
            LOG.errorf("Fanvue connection %s: %s", connection.id(), unreadable.getMessage());
            return connections
                    .markUnreadable(connection.id(), UNREADABLE)
                    .replaceWith(Uni.createFrom().nullItem());
        }
    }

    private Uni<BrokeredToken> readOrRefresh(StoredConnection connection, String rejected) {
        BrokeredToken cached = cached(connection.id());
        if (cached != null && !cached.accessToken().equals(rejected)) {
            return Uni.createFrom().item(cached);
        }
        Instant now = clock.instant();
        if (connection.tokenExpiresAt() != null
                && !rule.due(connection.tokenIssuedAt(), connection.tokenExpiresAt(), now)) {
            BrokeredToken stored = servable(
                    connection, rejected, rule.refreshAt(connection.tokenIssuedAt(), connection.tokenExpiresAt()));
            if (stored != null) {
                return Uni.createFrom().item(remember(stored));
            }
        }
        return refresher.refresh(connection, rejected != null).map(after -> afterRefresh(connection, after, rejected));
    }

    /**
     * The token after a refresh (ours or another replica's): served whatever is left of it, short of its expiry,
     * because it was just issued; cached until its own margin, or until shortly before it expires when Fanvue gave so
     * short a lifetime that it is inside its margin already.
     */
    private BrokeredToken afterRefresh(StoredConnection before, StoredConnection after, String rejected) {
        if (after == null || !"active".equals(after.status()) && !"refreshing".equals(after.status())) {
            return null;
        }
        Instant now = clock.instant();
        if (after.tokenExpiresAt() == null || !after.tokenExpiresAt().isAfter(now)) {
            throw FanvueFailures.refreshIncomplete(
                    after.lastRefreshError() == null ? "no token valid now was stored" : after.lastRefreshError());
        }
        Instant refreshAt = rule.refreshAt(after.tokenIssuedAt(), after.tokenExpiresAt());
        boolean insideMargin = !now.isBefore(refreshAt);
        boolean shortLived = insideMargin || rule.belowFloor(after.tokenIssuedAt(), after.tokenExpiresAt());
        if (shortLived && after.version() > before.version()) {
            metrics.servedShortLived();
            LOG.warnf(
                    "Fanvue connection %s: a fresh token expiring at %s is too short-lived for the rule; served as is",
                    after.id(), after.tokenExpiresAt());
        }
        Instant serveUntil = insideMargin ? after.tokenExpiresAt().minus(SHORT_LIVED_SAFETY) : refreshAt;
        BrokeredToken renewed = servable(after, rejected, serveUntil);
        if (renewed == null) {
            throw FanvueFailures.refreshIncomplete(
                    after.lastRefreshError() == null
                            ? "the rejected token is still the stored one"
                            : after.lastRefreshError());
        }
        return remember(renewed);
    }

    /** The stored token unless it is the rejected one; null otherwise. */
    private BrokeredToken servable(StoredConnection connection, String rejected, Instant serveUntil) {
        SecretCipher.Opened access = secrets.openAccess(connection);
        if (access.plaintext().equals(rejected)) {
            return null;
        }
        return new BrokeredToken(
                access.plaintext(),
                connection.tokenExpiresAt(),
                connection.kind(),
                connection.id(),
                connection.fanvueUserId(),
                serveUntil);
    }

    private BrokeredToken cached(UUID connectionId) {
        CompletableFuture<Object> entry = cache.as(CaffeineCache.class).getIfPresent(connectionId);
        BrokeredToken token = entry == null ? null : (BrokeredToken) entry.getNow(null);
        return token != null && clock.instant().isBefore(token.serveUntil()) ? token : null;
    }

    private BrokeredToken remember(BrokeredToken token) {
        cache.as(CaffeineCache.class).put(token.connectionId(), CompletableFuture.completedFuture(token));
        return token;
    }

    /**
     * A token handed out; {@link #toString()} leaves the token out.
     *
     * @param accessToken the bearer token for Fanvue
     * @param expiresAt when Fanvue stops accepting it
     * @param source {@code agency} or {@code personal}
     * @param connectionId the connection it belongs to
     * @param fanvueUserId the connected Fanvue user
     * @param serveUntil when this process stops serving it from memory (its refresh-ahead point)
     */
    public record BrokeredToken(
            String accessToken,
            Instant expiresAt,
            String source,
            UUID connectionId,
            UUID fanvueUserId,
            Instant serveUntil) {
        @Override
        public String toString() {
            return "BrokeredToken[source=" + source + ", connection=" + connectionId + ", expiresAt=" + expiresAt + "]";
        }
    }
}
