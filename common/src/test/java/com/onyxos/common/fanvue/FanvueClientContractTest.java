package com.onyxos.common.fanvue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.onyxos.common.fanvue.model.ChatMessage;
import com.onyxos.common.fanvue.model.Earning;
import com.onyxos.common.fanvue.model.FanvueAccount;
import com.onyxos.common.fanvue.model.FanvueCreator;
import com.onyxos.common.fanvue.model.FanvueMedia;
import com.onyxos.common.fanvue.model.FolderMedia;
import com.onyxos.common.fanvue.model.VaultFolder;
import com.onyxos.simulator.FanvueSimulator;
import com.onyxos.simulator.SimulatorSettings;
import com.onyxos.simulator.control.JournalFilter;
import com.onyxos.simulator.control.TokenRequest;
import com.onyxos.simulator.faults.FaultKind;
import com.onyxos.simulator.faults.FaultRule;
import com.onyxos.simulator.world.AccountData;
import com.onyxos.simulator.world.Agency;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against the simulator, the stand-in that answers like Fanvue: every endpoint in every scope reads
 * what the simulated world holds, and pacing, 429 storms, endless pages and expired tokens behave as they must.
 */
class FanvueClientContractTest {

    private static final List<String> ALL_READ_SCOPES = List.of(
            "openid",
            "offline_access",
            "read:self",
            "read:creator",
            "read:media",
            "read:insights",
            "read:fan",
            "read:chat",
            "read:post",
            "read:tracking_links",
            "read:agency");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static FanvueSimulator simulator;
    private ClientFixture fixture;
    private Agency agency;
    private String creatorUuid;
    private FanvueApi admin;

    @BeforeAll
    static void start() {
        simulator = FanvueSimulator.start(SimulatorSettings.defaults().withSeed(7));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void connect() {
        simulator.control().reset();
        fixture = new ClientFixture(simulator.baseUrl());
        agency = simulator.world().agencies().get(0);
        creatorUuid = agency.creatorUuids().get(0);
        admin = api(agency.admin().uuid());
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        fixture.close();
    }

    private FanvueApi api(String userUuid) {
        String token = simulator
                .control()
                .issueToken(TokenRequest.of(userUuid, ALL_READ_SCOPES))
                .accessToken();
        return fixture.client.api(new FanvueCredentials(userUuid, FanvueTokenProvider.fixed(token)));
    }

    private AccountData creator() {
        return simulator.world().creator(creatorUuid);
    }

    private static <T> List<T> all(Multi<T> listing) {
        return listing.collect().asList().await().atMost(WAIT);
    }

    private static <T> T one(Uni<T> call) {
        return call.await().atMost(WAIT);
    }

    @Test
    void theConnectedUserAndTheAgencysCreators() {
        assertThat(one(admin.me()).uuid()).isEqualTo(agency.admin().uuid());

        List<FanvueCreator> creators = all(admin.agency().creators());

        assertThat(creators).extracting(FanvueCreator::uuid).containsExactlyInAnyOrderElementsOf(agency.creatorUuids());
    }

    @Test
    void theVaultOfAManagedCreatorFolderByFolder() {
        FanvueCreatorApi creator = admin.creator(creatorUuid);

        List<VaultFolder> folders = all(creator.vaultFolders());

        assertThat(folders)
                .extracting(VaultFolder::name)
                .containsExactlyInAnyOrderElementsOf(creator().folders().stream()
                        .map(com.onyxos.simulator.world.Folder::name)
                        .toList());
        for (VaultFolder folder : folders) {
            List<FolderMedia> media = all(creator.folderMedia(folder.name()));
            assertThat(media)
                    .extracting(FolderMedia::uuid)
                    .containsExactlyInAnyOrderElementsOf(
                            creator().folder(folder.name()).orElseThrow().mediaUuids());
            assertThat(folder.mediaCount()).isEqualTo(media.size());
        }
    }

    @Test
    void everyMediaItemWithDetailsAndSignedVariantsOnRequest() {
        List<FanvueMedia> media = all(admin.creator(creatorUuid).media(MediaQuery.ALL));

        assertThat(media).hasSize(creator().media().size());
        assertThat(media).extracting(FanvueMedia::mediaType).contains("image", "video", "audio", "document");
        FanvueMedia item = one(admin.creator(creatorUuid).mediaItem(media.get(0).uuid(), List.of("main")));
        assertThat(item.variants()).isNotEmpty().allSatisfy(v -> assertThat(v.url())
                .isNotBlank());
    }

    @Test
    void earningsAddUpToTheAccountTotal() {
        FanvueCreatorApi creator = admin.creator(creatorUuid);

        List<Earning> earnings = all(creator.earnings(DateRange.ALL, List.of()));
        FanvueAccount account = one(creator.account());

        assertThat(earnings).hasSize(creator().earnings().size());
        assertThat(earnings.stream().mapToLong(Earning::net).sum())
                .isEqualTo(account.account().earnings().total());
        assertThat(earnings.stream().map(Earning::transactionOrderId).collect(Collectors.toSet()))
                .hasSizeGreaterThan(earnings.size() / 2);
        assertThat(earnings).anySatisfy(e -> assertThat(e.gross()).isNegative());
    }

    @Test
    void earningsFilterBySourceAndExclusiveEndDate() {
        Instant end = creator().earnings().get(0).date();
        List<Earning> tips = all(admin.creator(creatorUuid).earnings(new DateRange(null, end), List.of("tip")));

        assertThat(tips).isNotEmpty().allSatisfy(e -> {
            assertThat(e.source()).isEqualTo("tip");
            assertThat(e.date()).isBefore(end);
        });
    }

    @Test
    void insightsSummarySubscribersAndTopSpenders() {
        FanvueCreatorApi creator = admin.creator(creatorUuid);

        assertThat(one(creator.earningsSummary(DateRange.ALL, "week", "UTC"))
                        .totals()
                        .allTime()
                        .net())
                .isEqualTo(creator().earningsTotal());
        assertThat(all(creator.subscriberSeries(DateRange.ALL)))
                .hasSize(creator().subscriberSeries().size());
        assertThat(all(creator.topSpenders(DateRange.ALL))).isNotEmpty();
    }

    @Test
    void fansChatsMessagesPostsAndTrackingLinks() {
        FanvueCreatorApi creator = admin.creator(creatorUuid);

        assertThat(all(creator.subscribers()))
                .hasSize(creator().subscriberUuids().size());
        assertThat(all(creator.followers())).hasSize(creator().followerUuids().size());
        assertThat(all(creator.chats(ChatQuery.ALL))).hasSize(creator().chats().size());
        var chat = creator().chats().get(0);
        List<ChatMessage> messages = all(creator.chatMessages(chat.fanUuid()));
        assertThat(messages).hasSize(chat.messages().size());
        assertThat(all(creator.posts())).hasSize(creator().posts().size());
        assertThat(all(creator.trackingLinks(null, null)))
                .hasSize(creator().trackingLinks().size());
    }

    @Test
    void aCreatorReadsTheSameDataThroughSelfPaths() {
        FanvueApi self = api(creatorUuid);

        assertThat(all(self.self().vaultFolders())).hasSize(creator().folders().size());
        assertThat(one(self.self().account()).uuid()).isEqualTo(creatorUuid);
        assertThat(one(self.unreadChats())).isNotNull();
    }

    @Test
    void agencyEarningsAndSubscriberHistoryPerCreator() {
        DateRange window = new DateRange(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-16T00:00:00Z"));

        assertThat(all(admin.agency().earnings(window, List.of())))
                .extracting(e -> e.creatorUuid())
                .containsAnyElementsOf(agency.creatorUuids());
        assertThat(all(admin.agency().subscribersHistory(window, List.of(creatorUuid))))
                .isNotEmpty()
                .allSatisfy(day -> assertThat(day.creatorUuid()).isEqualTo(creatorUuid));
    }

    @Test
    void aCreatorOfAnotherAgencyIs404AndAMissingScopeIs403() {
        String foreign = simulator.world().agencies().get(1).creatorUuids().get(0);
        catchThrowableOfType(
                FanvueException.NotFound.class, () -> one(admin.creator(foreign).account()));

        String token = simulator
                .control()
                .issueToken(TokenRequest.of(agency.admin().uuid(), List.of("read:self")))
                .accessToken();
        FanvueApi narrow = fixture.client.api(new FanvueCredentials("narrow", FanvueTokenProvider.fixed(token)));
        FanvueException.Forbidden forbidden = catchThrowableOfType(
                FanvueException.Forbidden.class,
                () -> all(narrow.creator(creatorUuid).vaultFolders()));
        assertThat(forbidden.error()).isPresent();
    }

    @Test
    void pacingKeepsEveryBucketUnderItsLimitWithoutA429() {
        simulator
                .control()
                .reset(simulator
                        .control()
                        .settings()
                        .withRateLimitCapacity(10)
                        .withRateLimitWindow(Duration.ofSeconds(2)));
        FanvueClientSettings settings = ClientFixture.settings(simulator.baseUrl());
        settings = new FanvueClientSettings(
                settings.apiBaseUrl(),
                settings.authBaseUrl(),
                settings.apiVersion(),
                settings.clientId(),
                settings.clientSecret(),
                settings.requestTimeout(),
                settings.connectionPoolSize(),
                settings.retry(),
                new FanvueClientSettings.RateLimit(Duration.ofSeconds(2)),
                settings.pagination(),
                settings.breaker());
        try (ClientFixture paced = new ClientFixture(simulator.baseUrl(), settings)) {
            String token = simulator
                    .control()
                    .issueToken(TokenRequest.of(agency.admin().uuid(), ALL_READ_SCOPES))
                    .accessToken();
            FanvueApi api =
                    paced.client.api(new FanvueCredentials(agency.admin().uuid(), FanvueTokenProvider.fixed(token)));
            long started = System.nanoTime();

            List<FanvueAccount> accounts = Multi.createFrom()
                    .range(0, 30)
                    .onItem()
                    .transformToUniAndMerge(i -> api.creator(creatorUuid).account())
                    .collect()
                    .asList()
                    .await()
                    .atMost(WAIT);

            assertThat(accounts).hasSize(30);
            assertThat(simulator.control().stats().tooManyRequests()).isZero();
            // 10 at once, then 5 per second: the last of 30 cannot go before about 4 s.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(3_500));
        }
    }

    @Test
    void aRateLimitStormIsWaitedOutWithoutEarlyRequests() {
        simulator
                .control()
                .addFault(FaultRule.on("/creators/*/vault/folders", FaultKind.RATE_LIMIT)
                        .withRetryAfterSeconds(1)
                        .withCount(3));

        List<VaultFolder> folders = all(admin.creator(creatorUuid).vaultFolders());

        assertThat(folders).hasSize(creator().folders().size());
        assertThat(simulator.control().stats().tooManyRequests()).isEqualTo(3);
        assertThat(simulator.control().stats().earlyRequests()).isZero();
    }

    @Test
    void pagesThatAnnounceMoreForeverEndInAnError() {
        simulator.control().addFault(FaultRule.on("/creators/*/vault/folders/*/media", FaultKind.HAS_MORE_FOREVER));
        String folder = creator().folders().get(0).name();

        catchThrowableOfType(
                FanvueException.EndlessPagination.class,
                () -> all(admin.creator(creatorUuid).folderMedia(folder)));
    }

    @Test
    void serverErrorsAndMalformedAnswersAreRetriedToCompletion() {
        simulator
                .control()
                .addFault(FaultRule.on("/creators/*/vault/folders", FaultKind.ERROR)
                        .withStatus(503)
                        .withCount(1));
        simulator
                .control()
                .addFault(FaultRule.on("/creators/*/media", FaultKind.TRUNCATED_JSON)
                        .withCount(1));

        assertThat(all(admin.creator(creatorUuid).vaultFolders()))
                .hasSize(creator().folders().size());
        assertThat(all(admin.creator(creatorUuid).media(MediaQuery.ALL)))
                .hasSize(creator().media().size());
    }

    @Test
    void anExpiredTokenIsRenewedOnceThroughTheProvider() {
        AtomicInteger renewals = new AtomicInteger();
        String first = simulator
                .control()
                .issueToken(TokenRequest.of(agency.admin().uuid(), ALL_READ_SCOPES))
                .accessToken();
        FanvueTokenProvider provider = new FanvueTokenProvider() {
            @Override
            public Uni<String> accessToken() {
                return Uni.createFrom().item(first);
            }

            @Override
            public Uni<String> renewAccessToken(String rejected) {
                renewals.incrementAndGet();
                return Uni.createFrom()
                        .item(simulator
                                .control()
                                .issueToken(TokenRequest.of(agency.admin().uuid(), ALL_READ_SCOPES))
                                .accessToken());
            }
        };
        simulator.control().expireTokens(agency.admin().uuid());

        FanvueApi api = fixture.client.api(new FanvueCredentials(agency.admin().uuid(), provider));

        assertThat(one(api.me()).uuid()).isEqualTo(agency.admin().uuid());
        assertThat(renewals).hasValue(1);
    }

    @Test
    void anUnknownApiVersionIsABadRequest() {
        FanvueClientSettings base = ClientFixture.settings(simulator.baseUrl());
        FanvueClientSettings wrongVersion = new FanvueClientSettings(
                base.apiBaseUrl(),
                base.authBaseUrl(),
                "1999-01-01",
                base.clientId(),
                base.clientSecret(),
                base.requestTimeout(),
                base.connectionPoolSize(),
                base.retry(),
                base.rateLimit(),
                base.pagination(),
                base.breaker());
        try (ClientFixture old = new ClientFixture(simulator.baseUrl(), wrongVersion)) {
            String token = simulator
                    .control()
                    .issueToken(TokenRequest.of(agency.admin().uuid(), ALL_READ_SCOPES))
                    .accessToken();
            FanvueException.BadRequest error = catchThrowableOfType(FanvueException.BadRequest.class, () -> old.client
                    .api(new FanvueCredentials("x", FanvueTokenProvider.fixed(token)))
                    .me()
                    .await()
                    .atMost(WAIT));
            assertThat(error.error()).isPresent();
        }
    }

    @Test
    void listingsNeverRepeatAnItemAndEveryCallIsAnswered200() {
        Set<String> seen = new HashSet<>();
        all(admin.creator(creatorUuid).media(MediaQuery.ALL))
                .forEach(m -> assertThat(seen.add(m.uuid())).isTrue());

        assertThat(simulator.control().journal(JournalFilter.ALL))
                .allSatisfy(entry -> assertThat(entry.status()).isEqualTo(200));
    }
}
