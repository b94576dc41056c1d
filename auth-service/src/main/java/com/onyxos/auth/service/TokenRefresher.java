package com.onyxos.auth.service;

import com.onyxos.auth.config.BrokerConfig;
import com.onyxos.auth.crypto.SecretCipher;
import com.onyxos.auth.repository.FanvueConnectionRepository;
import com.onyxos.auth.repository.FanvueConnectionRepository.LeaseView;
import com.onyxos.auth.repository.FanvueConnectionRepository.RefreshedTokens;
import com.onyxos.auth.repository.StoredConnection;
import com.onyxos.common.fanvue.FanvueClient;
import com.onyxos.common.fanvue.FanvueException;
import com.onyxos.common.fanvue.model.FanvueTokens;
import com.onyxos.common.problem.ProblemException;
import com.onyxos.common.run.RunLeases;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Refreshes one connection's tokens at most once at a time across every replica, and never presents a refresh token
 * twice while its first presentation may still be answered.
 *
 * <p>The refresh lease is a conditional update of the connection row naming this process's run-lease owner
 * ({@link RunLeases#owner()}); a holder is live while its lock session is held (PostgreSQL drops it the moment the
 * process or that connection dies) and its lease has not run out. Whoever takes the lease re-reads the row (another
 * replica may just have refreshed: a freshly issued token is used as it is, never refreshed again), records that it
 * presents the refresh token ({@code refresh_presented_at}, committed before the call), presents it once, and stores
 * the new pair with {@code version + 1} fenced on the version and its own presentation. Waiters poll: a dead holder
 * that had not presented yet is taken over at once; one that had presented is given {@link
 * BrokerConfig#holderGrace()} to come back (a cut database connection reopens within a second and the holder then
 * stores its pair) or until its call must have timed out, before the token is presented again. While a live holder
 * refreshes, waiters give up after {@link BrokerConfig#awaitOtherRefresh()} with 503 {@code fanvue_refresh_in_progress}
 * and {@code Retry-After}. {@code invalid_grant} ends in {@code reauth_required}: that includes the one case no
 * protocol can save, a rotation whose answer was lost with its holder.
 */
public class TokenRefresher {

    private static final Logger LOG = Logger.getLogger(TokenRefresher.class);
    private static final Duration FIRST_POLL = Duration.ofMillis(50);
    private static final Duration MAX_POLL = Duration.ofMillis(250);

    private final FanvueConnectionRepository connections;
    private final ConnectionSecrets secrets;
    private final FanvueClient fanvue;
    private final BrokerConfig config;
    private final BrokerMetrics metrics;
    private final Clock clock;
    private final RunLeases leases;

    /**
     * @param leases the run leases of this process (of a simulated second replica in tests): its owner id names the
     *     holder of a refresh lease, and its lock session tells others whether the holder lives
     */
    public TokenRefresher(
            FanvueConnectionRepository connections,
            ConnectionSecrets secrets,
            FanvueClient fanvue,
            BrokerConfig config,
            BrokerMetrics metrics,
            Clock clock,
            RunLeases leases) {
        this.connections = connections;
        this.secrets = secrets;
        this.fanvue = fanvue;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.leases = leases;
    }

    /**
     * Makes sure {@code seen}'s tokens are renewed: by us, or by whoever holds the lease. Returns the connection as
     * stored afterwards (a newer version when renewed; status {@code reauth_required} when Fanvue refused the refresh).
     *
     * @param rejected the access token of {@code seen} was refused by Fanvue (kept for the log; any newer version will do)
     */
    public Uni<StoredConnection> refresh(StoredConnection seen, boolean rejected) {
        return leases.owner().chain(owner -> connections
                .tryLease(seen.id(), owner, config.leaseDuration())
                .chain(leased -> leased == null
                        ? awaitOther(seen, owner, new Waiting(System.nanoTime(), config))
                        : withLease(seen, owner, leased)));
    }

    private Uni<StoredConnection> withLease(StoredConnection seen, String owner, StoredConnection leased) {
        if (leased.version() > seen.version()) {
            // Refreshed by another replica between our read and our lease: a freshly issued token, served as it is.
            return connections.releaseLease(leased.id(), owner, null, null).replaceWith(leased);
        }
        SecretCipher.Opened refreshToken = secrets.openRefresh(leased);
        if (refreshToken == null) {
            return reauth(leased, owner, null, "no refresh token was granted (offline_access missing)");
        }
        return connections
                .markPresented(leased.id(), owner, leased.version())
                .chain(presentedAt -> presentedAt == null
                        ? awaitOther(seen, owner, new Waiting(System.nanoTime(), config))
                        : present(leased, owner, presentedAt, refreshToken.plaintext()));
    }

    private Uni<StoredConnection> present(
            StoredConnection leased, String owner, OffsetDateTime presentedAt, String refreshToken) {
        return fanvue.oauth()
                .refresh(refreshToken)
                .onItem()
                .transformToUni(tokens -> store(leased, presentedAt, tokens))
                .onFailure(FanvueException.OAuthError.class)
                .recoverWithUni(
                        failure -> rejectedRefresh(leased, owner, presentedAt, (FanvueException.OAuthError) failure))
                .onFailure(FanvueException.class)
                .recoverWithUni(failure -> unavailable(leased, owner, presentedAt, failure));
    }

    private Uni<StoredConnection> store(StoredConnection leased, OffsetDateTime presentedAt, FanvueTokens tokens) {
        List<String> scopes = tokens.scope() == null || tokens.scope().isBlank()
                ? null
                : Arrays.asList(tokens.scope().trim().split("\\s+"));
        Instant issuedAt = clock.instant();
        RefreshedTokens sealed = new RefreshedTokens(
                secrets.sealAccess(leased.id(), tokens.accessToken()),
                secrets.sealRefresh(leased.id(), tokens.refreshToken()),
                issuedAt,
                issuedAt.plusSeconds(tokens.expiresIn()),
                scopes);
        metrics.granted(tokens.expiresIn());
        return connections
                .storeRefreshed(leased.id(), leased.version(), presentedAt, sealed)
                // Fenced on version and presentation, so repeating it after a broken connection is harmless.
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(100))
                .atMost(3)
                .chain(stored -> stored != null ? Uni.createFrom().item(stored) : afterLostStore(leased))
                .invoke(() -> metrics.refreshed("success"));
    }

    /** Our fenced store matched nothing: a retry after our own commit, or we were taken for dead after presenting. */
    private Uni<StoredConnection> afterLostStore(StoredConnection leased) {
        return connections.findById(leased.id()).map(now -> {
            if (now != null && now.version() > leased.version()) {
                return now;
            }
            LOG.errorf("Refresh of connection %s was answered after its presentation was taken over", leased.id());
            throw FanvueFailures.refreshIncomplete("the refresh was answered after another replica took it over");
        });
    }

    private Uni<StoredConnection> rejectedRefresh(
            StoredConnection leased, String owner, OffsetDateTime presentedAt, FanvueException.OAuthError failure) {
        if (failure.invalidGrant()) {
            return reauth(leased, owner, presentedAt, "Fanvue rejected the refresh token (invalid_grant)");
        }
        metrics.refreshed("rejected");
        String error = "Fanvue refused the refresh: " + failure.error().orElse("status " + failure.status());
        return connections
                .releaseLease(leased.id(), owner, presentedAt, error)
                .replaceWith(Uni.createFrom()
                        .failure(new ProblemException(
                                502, "fanvue_refresh_failed", "Fanvue refused the refresh", error)));
    }

    private Uni<StoredConnection> reauth(
            StoredConnection leased, String owner, OffsetDateTime presentedAt, String reason) {
        metrics.refreshed("invalid_grant");
        LOG.warnf("Fanvue connection %s needs a new authorization: %s", leased.id(), reason);
        return connections
                .markReauthRequired(leased.id(), owner, presentedAt, reason)
                .chain(marked -> marked != null ? Uni.createFrom().item(marked) : connections.findById(leased.id()));
    }

    /**
     * No usable answer: Fanvue may or may not have rotated. The lease ends with the error recorded; the next
     * attempt presents the same token once more, which either works or ends in {@code invalid_grant} — never a loop.
     */
    private Uni<StoredConnection> unavailable(
            StoredConnection leased, String owner, OffsetDateTime presentedAt, Throwable failure) {
        metrics.refreshed("unavailable");
        return connections
                .releaseLease(
                        leased.id(), owner, presentedAt, "Fanvue unavailable during refresh: " + failure.getMessage())
                .replaceWith(Uni.createFrom().failure(FanvueFailures.unavailable(failure)));
    }

    /** Waits for the holder's outcome; takes the lease over when the holder is found dead. */
    private Uni<StoredConnection> awaitOther(StoredConnection seen, String owner, Waiting waiting) {
        return Uni.createFrom()
                .voidItem()
                .onItem()
                .delayIt()
                .by(waiting.pause())
                .chain(() -> connections.leaseView(seen.id(), config.presentationTimeout()))
                .chain(view -> {
                    StoredConnection now = view == null ? null : view.connection();
                    boolean settled = now == null
                            || now.version() > seen.version()
                            || !"active".equals(now.status()) && !"refreshing".equals(now.status())
                            || now.leaseOwner() == null;
                    if (settled) {
                        return Uni.createFrom().item(now);
                    }
                    if (waiting.holderDead(view)) {
                        return takeOver(seen, owner, now, waiting);
                    }
                    if (waiting.over() && view.holderAlive()) {
                        // Only a live holder makes a request give up; a gone one is taken over within the grace.
                        return Uni.createFrom().failure(FanvueFailures.refreshInProgress());
                    }
                    return awaitOther(seen, owner, waiting.next());
                });
    }

    private Uni<StoredConnection> takeOver(StoredConnection seen, String owner, StoredConnection now, Waiting waiting) {
        return connections
                .takeOver(now.id(), now.leaseOwner(), owner, config.leaseDuration())
                .chain(leased -> {
                    if (leased == null) {
                        return awaitOther(seen, owner, waiting.next());
                    }
                    metrics.tookOver();
                    LOG.warnf(
                            "Refresh lease of connection %s taken over from %s, found dead",
                            now.id(), now.leaseOwner());
                    return withLease(seen, owner, leased);
                });
    }

    /** One waiter's view over time: its deadline, its polling pace, and since when the holder has looked dead. */
    private static final class Waiting {
        private final long startedAt;
        private final BrokerConfig config;
        private Duration pause = FIRST_POLL;
        private String holder;
        private long holderGoneSince = -1;

        Waiting(long startedAt, BrokerConfig config) {
            this.startedAt = startedAt;
            this.config = config;
        }

        Duration pause() {
            return pause;
        }

        Waiting next() {
            pause = pause.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : pause.multipliedBy(2);
            return this;
        }

        boolean over() {
            return System.nanoTime() - startedAt > config.awaitOtherRefresh().toNanos();
        }

        /**
         * Whether the holder is dead for sure: its lease ran out, or its lock session is gone and either it had not
         * presented the refresh token, or its call must have timed out, or it stayed gone for the grace period.
         */
        boolean holderDead(LeaseView view) {
            String current = view.connection().leaseOwner();
            if (view.holderAlive() || !current.equals(holder)) {
                holder = current;
                holderGoneSince = view.holderAlive() ? -1 : System.nanoTime();
            }
            if (view.leaseOver()) {
                return true;
            }
            if (view.holderAlive()) {
                return false;
            }
            return view.connection().presentedAt() == null
                    || view.presentationOver()
                    || System.nanoTime() - holderGoneSince
                            >= config.holderGrace().toNanos();
        }
    }
}
