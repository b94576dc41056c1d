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
 * fallback; refreshed ahead of expiry through {@link TokenRefresher}; served from memory until shortly before they
 * expire. A token a caller reports as rejected by Fanvue is never handed out again.
 */
public class FanvueTokenBroker {

    private static final Logger LOG = Logger.getLogger(FanvueTokenBroker.class);
    private static final String UNREADABLE = "stored tokens cannot be decrypted (key missing or data altered)";

    private final FanvueConnectionRepository connections;
    private final CreatorRepository creators;
    private final ConnectionSecrets secrets;
    private final TokenRefresher refresher;
    private final BrokerConfig config;
    private final Cache cache;
    private final Clock clock;

    public FanvueTokenBroker(
            FanvueConnectionRepository connections,
            CreatorRepository creators,
            ConnectionSecrets secrets,
            TokenRefresher refresher,
            BrokerConfig config,
            Cache cache,
            Clock clock) {
        this.connections = connections;
        this.creators = creators;
        this.secrets = secrets;
        this.refresher = refresher;
        this.config = config;
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
        BrokeredToken stored = usable(connection, rejected);
        if (stored != null) {
            return Uni.createFrom().item(remember(connection.id(), stored));
        }
        return refresher.refresh(connection, rejected != null).map(after -> {
            if (after == null || !"active".equals(after.status()) && !"refreshing".equals(after.status())) {
                return null;
            }
            BrokeredToken renewed = usable(after, rejected);
            if (renewed == null) {
                throw FanvueFailures.unavailable(new IllegalStateException("no fresh token after refresh"));
            }
            return remember(after.id(), renewed);
        });
    }

    /** The stored token if it is valid beyond the refresh-ahead margin and not the rejected one; else null. */
    private BrokeredToken usable(StoredConnection connection, String rejected) {
        Instant expiresAt = connection.tokenExpiresAt();
        if (expiresAt == null || !expiresAt.isAfter(clock.instant().plus(config.refreshAhead()))) {
            return null;
        }
        SecretCipher.Opened access = secrets.openAccess(connection);
        if (access.plaintext().equals(rejected)) {
            return null;
        }
        return new BrokeredToken(
                access.plaintext(), expiresAt, connection.kind(), connection.id(), connection.fanvueUserId());
    }

    private BrokeredToken cached(UUID connectionId) {
        CompletableFuture<Object> entry = cache.as(CaffeineCache.class).getIfPresent(connectionId);
        BrokeredToken token = entry == null ? null : (BrokeredToken) entry.getNow(null);
        boolean valid =
                token != null && token.expiresAt().isAfter(clock.instant().plus(config.cacheMargin()));
        return valid ? token : null;
    }

    private BrokeredToken remember(UUID connectionId, BrokeredToken token) {
        cache.as(CaffeineCache.class).put(connectionId, CompletableFuture.completedFuture(token));
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
     */
    public record BrokeredToken(
            String accessToken, Instant expiresAt, String source, UUID connectionId, UUID fanvueUserId) {
        @Override
        public String toString() {
            return "BrokeredToken[source=" + source + ", connection=" + connectionId + ", expiresAt=" + expiresAt + "]";
        }
    }
}
