package com.onyxos.stats.client;

import com.onyxos.common.broker.BrokeredTokens;
import com.onyxos.common.broker.FanvueTokenBrokerClient;
import com.onyxos.common.broker.FanvueTokenBrokerClient.BrokeredAccess;
import com.onyxos.common.fanvue.FanvueApi;
import com.onyxos.common.fanvue.FanvueClient;
import com.onyxos.stats.repository.CreatorRef;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/**
 * Opens a creator's Fanvue data the one way it may be read, with a token from auth-service's broker: the self paths
 * only when the token's Fanvue user is the creator, every other creator through {@code /creators/{uuid}/...} with the
 * agency's token; a creator reachable only through its own connection asks for that one ({@code source: personal}).
 * A personal token never reads another creator. Every reader of creator data (stats, earnings, audience, top
 * spenders, tracking links) goes through here, so the rule lives in one place.
 */
@ApplicationScoped
public class CreatorAccess {

    /** The broker's route, as anomalies and reports name it. */
    public static final String BROKER = "POST /internal/v1/fanvue-tokens";

    private static final String PERSONAL = "personal";

    private final FanvueTokenBrokerClient broker;
    private final FanvueClient fanvue;
    private final Clock clock;

    public CreatorAccess(FanvueTokenBrokerClient broker, FanvueClient fanvue, Clock clock) {
        this.broker = broker;
        this.fanvue = fanvue;
        this.clock = clock;
    }

    /**
     * The creator's data on Fanvue. Fails with {@link com.onyxos.common.broker.FanvueNotConnectedException} when no
     * connection reaches it, {@link ForeignPersonalToken} when the broker answered another creator's personal token.
     */
    public Uni<CreatorScope> open(CreatorRef creator) {
        return open(creator, FanvueCalls.NONE);
    }

    /** The same, every call made through the scope counted in {@code calls}. */
    public Uni<CreatorScope> open(CreatorRef creator, FanvueCalls calls) {
        String source = creator.personalOnly() ? PERSONAL : null;
        return broker.token(creator.agencyId(), creator.id(), null, source)
                .map(access -> scope(creator, access, source, calls));
    }

    /** The agency connection's own API (the agency endpoints and {@code /creators}); fails like {@link #open}. */
    public Uni<FanvueApi> agency(UUID agencyId) {
        return agency(agencyId, FanvueCalls.NONE);
    }

    /** The same, every call counted in {@code calls}. */
    public Uni<FanvueApi> agency(UUID agencyId, FanvueCalls calls) {
        return broker.token(agencyId, null, null, null)
                .map(access ->
                        fanvue.api(calls.counted(BrokeredTokens.credentials(broker, agencyId, null, clock, access))));
    }

    private CreatorScope scope(CreatorRef creator, BrokeredAccess access, String source, FanvueCalls calls) {
        boolean self = creator.fanvueUserUuid().equals(access.fanvueUserId());
        if (access.personal() && !self) {
            throw new ForeignPersonalToken();
        }
        FanvueApi api = fanvue.api(calls.counted(
                BrokeredTokens.credentials(broker, creator.agencyId(), creator.id(), source, clock, access)));
        return new CreatorScope(
                api, self ? api.self() : api.creator(creator.fanvueUserUuid().toString()), self);
    }

    /** The broker answered a personal token of someone other than the creator: it never reads another creator. */
    public static final class ForeignPersonalToken extends RuntimeException {
        ForeignPersonalToken() {
            super("the broker answered another creator's personal token", null, false, false);
        }
    }
}
