package com.onyxos.stats.testing;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubImport;
import com.github.tomakehurst.wiremock.stubbing.StubImportBuilder;
import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.stats.domain.StatField;
import com.onyxos.stats.service.BackgroundRefresh;
import com.onyxos.stats.testing.FanvueStubs.Endpoint;
import com.onyxos.stats.testing.FanvueStubs.FaultKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * One test's world against WireMock's Fanvue: agency A connected as a Fanvue user who is also a creator (read
 * through self paths), plus creators the agency manages (read through {@code /creators/{uuid}/...}); every figure
 * Fanvue answers is the truth this world chose.
 */
public final class WireMockWorld {

    public final TestTenants.Tenants tenants;
    public final String selfUuid = UUID.randomUUID().toString();
    public final List<String> managed = new ArrayList<>();
    /** Fanvue user to models id. */
    public final Map<String, UUID> ids = new LinkedHashMap<>();
    /** Fanvue user to the figures Fanvue answers now. */
    public final Map<String, Map<StatField, Long>> truth = new LinkedHashMap<>();

    private final Random random;

    private WireMockWorld(TestTenants.Tenants tenants, int managedCreators, long seed) {
        this.tenants = tenants;
        this.random = new Random(seed);
        for (int i = 0; i < managedCreators; i++) {
            managed.add(UUID.randomUUID().toString());
        }
    }

    /** A connected agency with {@code managedCreators} managed creators and its self creator, imported. */
    public static WireMockWorld imported(int managedCreators, long seed, BackgroundRefresh background) {
        TestDatabase.truncateAll();
        WireMockWorld world = new WireMockWorld(TestTenants.seed(), managedCreators, seed);
        StatsDb.connection(world.tenants.agencyA(), "agency", world.selfUuid, "self", "active");
        TokenBrokerStub.handOut("wiremock-token", world.selfUuid);
        world.answerTruthfully(world.randomTruths());
        TestUsers.AGENCY_ADMIN.request().post("/api/creators/import").then().statusCode(200);
        StatsWorld.awaitQuiet(background);
        for (String uuid : world.all()) {
            world.ids.put(
                    uuid, (UUID) StatsDb.rows("select id from models where fanvue_user_uuid = ?", UUID.fromString(uuid))
                            .get(0)
                            .get("id"));
        }
        return world;
    }

    /** Every creator's Fanvue user: the self creator first. */
    public List<String> all() {
        List<String> all = new ArrayList<>();
        all.add(selfUuid);
        all.addAll(managed);
        return all;
    }

    public boolean self(String uuid) {
        return selfUuid.equals(uuid);
    }

    public List<Endpoint> endpoints(String uuid) {
        return self(uuid) ? Endpoint.SELF : Endpoint.MANAGED;
    }

    /** New random figures for every creator. */
    public Map<String, Map<StatField, Long>> randomTruths() {
        Map<String, Map<StatField, Long>> truths = new LinkedHashMap<>();
        for (String uuid : all()) {
            truths.put(uuid, randomTruth());
        }
        return truths;
    }

    /** Every endpoint answers these figures, no fault. */
    public void answerTruthfully(Map<String, Map<StatField, Long>> truths) {
        WireMock admin = WireMockFanvue.admin();
        admin.resetMappings();
        admin.resetRequests();
        truth.clear();
        truth.putAll(truths);
        // One admin call for every good answer: the fault campaign re-registers them all each round.
        StubImportBuilder answers = StubImport.stubImport().stub(FanvueStubs.creatorListing(managed));
        for (String uuid : all()) {
            for (Endpoint endpoint : endpoints(uuid)) {
                answers.stub(FanvueStubs.truthful(endpoint, uuid, truths.get(uuid)));
            }
        }
        admin.importStubMappings(answers);
    }

    /**
     * One endpoint of one creator answers with {@code fault} (on {@code target} for field-level faults); answers
     * the figures the fault spoils.
     */
    public List<StatField> fault(String uuid, Endpoint endpoint, FaultKind fault, StatField target) {
        return FanvueStubs.stub(WireMockFanvue.admin(), endpoint, uuid, truth.get(uuid), fault, target);
    }

    /** One endpoint of one creator answers this body as is. */
    public static void answer(String path, String body) {
        WireMockFanvue.admin()
                .register(com.github.tomakehurst.wiremock.client.WireMock.get(
                                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(path))
                        .willReturn(FanvueStubs.ok(body)));
    }

    private Map<StatField, Long> randomTruth() {
        Map<StatField, Long> t = new EnumMap<>(StatField.class);
        long gross = 1_000 + random.nextInt(10_000_000);
        t.put(StatField.REVENUE_TOTAL, gross);
        t.put(StatField.REVENUE_NET_TOTAL, gross * 8 / 10);
        t.put(StatField.AVAILABLE_BALANCE, (long) random.nextInt(1_000_000));
        t.put(StatField.SUBSCRIBERS, (long) random.nextInt(5_000));
        t.put(StatField.FOLLOWERS, (long) random.nextInt(5_000));
        long posts = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(40);
        t.put(StatField.POSTS, posts);
        t.put(StatField.LIKES, posts == 0 ? 0 : (long) random.nextInt(10_000));
        t.put(StatField.IMAGES, (long) random.nextInt(15));
        t.put(StatField.VIDEOS, (long) random.nextInt(15));
        t.put(StatField.AUDIOS, (long) random.nextInt(15));
        long chats = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(30);
        t.put(StatField.UNREAD_CHATS, chats);
        t.put(StatField.UNREAD_MESSAGES, chats == 0 ? 0 : chats + random.nextInt(100));
        return t;
    }
}
