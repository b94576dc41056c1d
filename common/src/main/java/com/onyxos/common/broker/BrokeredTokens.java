package com.onyxos.common.broker;

import com.onyxos.common.fanvue.FanvueCredentials;
import com.onyxos.common.fanvue.FanvueTokenProvider;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fanvue credentials for one creator backed by the broker: the token in hand until shortly before it expires, then
 * the broker's; after a 401, the broker's renewal of exactly the rejected token.
 */
public final class BrokeredTokens implements FanvueTokenProvider {

    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final FanvueTokenBrokerClient broker;
    private final UUID agencyId;
    private final UUID creatorId;
    private final String source;
    private final Clock clock;
    private final AtomicReference<FanvueTokenBrokerClient.BrokeredAccess> current;
    private final AtomicReference<Renewal> renewal = new AtomicReference<>();

    private BrokeredTokens(
            FanvueTokenBrokerClient broker,
            UUID agencyId,
            UUID creatorId,
            String source,
            Clock clock,
            FanvueTokenBrokerClient.BrokeredAccess first) {
        this.broker = broker;
        this.agencyId = agencyId;
        this.creatorId = creatorId;
        this.source = source;
        this.clock = clock;
        this.current = new AtomicReference<>(first);
    }

    /** Credentials for the creator, starting from a token just obtained from the broker. */
    public static FanvueCredentials credentials(
            FanvueTokenBrokerClient broker,
            UUID agencyId,
            UUID creatorId,
            Clock clock,
            FanvueTokenBrokerClient.BrokeredAccess first) {
        return credentials(broker, agencyId, creatorId, null, clock, first);
    }

    /** The same, for a token asked of one connection kind ({@code source}, see the broker client). */
    public static FanvueCredentials credentials(
            FanvueTokenBrokerClient broker,
            UUID agencyId,
            UUID creatorId,
            String source,
            Clock clock,
            FanvueTokenBrokerClient.BrokeredAccess first) {
        return new FanvueCredentials(
                first.fanvueUserId().toString(), new BrokeredTokens(broker, agencyId, creatorId, source, clock, first));
    }

    @Override
    public Uni<String> accessToken() {
        FanvueTokenBrokerClient.BrokeredAccess held = current.get();
        if (held.expiresAt().isAfter(clock.instant().plus(MARGIN))) {
            return Uni.createFrom().item(held.accessToken());
        }
        return broker.token(agencyId, creatorId, null, source)
                .invoke(current::set)
                .map(FanvueTokenBrokerClient.BrokeredAccess::accessToken);
    }

    /**
     * Asks the broker to replace {@code rejected}, once: calls that were rejected with the same token meanwhile
     * share that request, and one rejected with a token already replaced gets the replacement without asking.
     */
    @Override
    public Uni<String> renewAccessToken(String rejected) {
        FanvueTokenBrokerClient.BrokeredAccess held = current.get();
        if (!held.accessToken().equals(rejected)) {
            return Uni.createFrom().item(held.accessToken());
        }
        Renewal mine = new Renewal(rejected);
        Renewal running = renewal.compareAndExchange(null, mine);
        if (running != null && running.rejected.equals(rejected)) {
            return running.result;
        }
        if (running != null) {
            return renewNow(rejected);
        }
        return mine.result;
    }

    private Uni<String> renewNow(String rejected) {
        return broker.token(agencyId, creatorId, rejected, source)
                .invoke(current::set)
                .map(FanvueTokenBrokerClient.BrokeredAccess::accessToken);
    }

    /** One renewal of one rejected token, shared by every call that saw it rejected. */
    private final class Renewal {
        private final String rejected;
        private final Uni<String> result;

        Renewal(String rejected) {
            this.rejected = rejected;
            this.result = renewNow(rejected)
                    .onTermination()
                    .invoke(() -> renewal.compareAndSet(this, null))
                    .memoize()
                    .indefinitely();
        }
    }
}
