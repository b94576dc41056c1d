package com.onyxos.stats.service;

import com.onyxos.common.broker.FanvueNotConnectedException;
import com.onyxos.common.fanvue.ChatQuery;
import com.onyxos.common.fanvue.DateRange;
import com.onyxos.common.fanvue.FanvueApi;
import com.onyxos.common.fanvue.FanvueCreatorApi;
import com.onyxos.common.fanvue.MediaQuery;
import com.onyxos.common.fanvue.model.EarningsSummary;
import com.onyxos.stats.client.CreatorAccess;
import com.onyxos.stats.client.CreatorScope;
import com.onyxos.stats.client.FanvueCalls;
import com.onyxos.stats.config.StatsConfig;
import com.onyxos.stats.repository.CreatorRef;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads one creator's figures from Fanvue through {@link CreatorAccess} (self paths only for the connected creator,
 * {@code /creators/{uuid}/...} for every other; no Fanvue call at all without a token). The calls run in parallel and
 * each failure stays with the figures of its call ({@link CreatorReads} maps answers to figures).
 */
@ApplicationScoped
public class FanvueStatsReader {

    static final String BROKER = CreatorAccess.BROKER;

    private final CreatorAccess access;
    private final StatsConfig config;
    private final Clock clock;

    public FanvueStatsReader(CreatorAccess access, StatsConfig config, Clock clock) {
        this.access = access;
        this.config = config;
        this.clock = clock;
    }

    /** Everything Fanvue says about the creator now; never fails (failures are readings). */
    public Uni<StatsReading> read(CreatorRef creator) {
        return read(creator, FanvueCalls.NONE);
    }

    /** The same, its Fanvue calls counted in {@code calls}. */
    public Uni<StatsReading> read(CreatorRef creator, FanvueCalls calls) {
        return access.open(creator, calls)
                .chain(this::readWith)
                .onFailure(FanvueNotConnectedException.class)
                .recoverWithItem(failure -> StatsReading.unavailable(
                        KeptReason.ERROR, notConnected((FanvueNotConnectedException) failure), BROKER))
                .onFailure(CreatorAccess.ForeignPersonalToken.class)
                .recoverWithItem(
                        failure -> StatsReading.unavailable(KeptReason.ERROR, Failures.describe(failure), BROKER))
                .onFailure()
                .recoverWithItem(failure -> StatsReading.unavailable(
                        KeptReason.ERROR, "token broker unavailable: " + Failures.describe(failure), BROKER));
    }

    private Uni<StatsReading> readWith(CreatorScope scope) {
        return scope.self() ? readSelf(scope.api()) : readManaged(scope.data());
    }

    /** The connected user's own creator: four self-path calls. */
    private Uni<StatsReading> readSelf(FanvueApi api) {
        FanvueCreatorApi own = api.self();
        return Uni.combine()
                .all()
                .unis(
                        Answer.of("GET /users/me", api.me()),
                        Answer.of("GET /users/account", own.account()),
                        Answer.of("GET /insights/earnings/summary", summary(own)),
                        Answer.of("GET /chats/unread", api.unreadChats()))
                .with(CreatorReads::self);
    }

    /** A creator the agency manages: account, summary, posts, media and one page of unread chats. */
    private Uni<StatsReading> readManaged(FanvueCreatorApi creator) {
        String prefix = "GET /creators/{creatorUserUuid}";
        return Uni.combine()
                .all()
                .unis(
                        Answer.of(prefix + "/account", creator.account()),
                        Answer.of(prefix + "/insights/earnings/summary", summary(creator)),
                        Answer.of(prefix + "/posts", creator.posts().collect().asList()),
                        Answer.of(
                                prefix + "/media",
                                creator.media(MediaQuery.ALL).collect().asList()),
                        Answer.of(
                                prefix + "/chats?filter=unread",
                                creator.chatPage(
                                        new ChatQuery(List.of("unread"), null, null), config.unreadPageSize())))
                .with(CreatorReads::managed);
    }

    /** The summary over the last day: its all-time totals are what we keep; the short window keeps it small. */
    private Uni<EarningsSummary> summary(FanvueCreatorApi scope) {
        Instant now = clock.instant();
        return scope.earningsSummary(new DateRange(now.minus(Duration.ofDays(1)), now), "day", null);
    }

    private static String notConnected(FanvueNotConnectedException failure) {
        return "Fanvue not connected: "
                + (failure.brokerDetail() == null ? failure.getMessage() : failure.brokerDetail());
    }
}
