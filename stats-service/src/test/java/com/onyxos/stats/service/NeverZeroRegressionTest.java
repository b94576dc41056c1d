package com.onyxos.stats.service;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.stats.domain.StatField;
import com.onyxos.stats.repository.CreatorQueries;
import com.onyxos.stats.repository.CreatorRef;
import com.onyxos.stats.testing.FanvueStubs.Endpoint;
import com.onyxos.stats.testing.FanvueStubs.FaultKind;
import com.onyxos.stats.testing.FaultProfile;
import com.onyxos.stats.testing.MutableClock;
import com.onyxos.stats.testing.StatsDb;
import com.onyxos.stats.testing.WireMockFanvue;
import com.onyxos.stats.testing.WireMockWorld;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One regression test per way seed 003 wiped figures to zero, against Fanvue answers of exactly the shape that did
 * it (WireMock): each must now keep the stored figure and say why.
 */
@QuarkusTest
@TestProfile(FaultProfile.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(WireMockFanvue.class)
@WithTestResource(TokenBrokerStub.class)
class NeverZeroRegressionTest {

    @Inject
    BackgroundRefresh background;

    @Inject
    StatsWriter writer;

    @Inject
    CreatorQueries creators;

    @Inject
    StatsCache cache;

    @Inject
    MutableClock clock;

    private WireMockWorld world;
    private String creator;
    private UUID creatorId;

    @BeforeEach
    void world() {
        clock.reset();
        world = WireMockWorld.imported(2, 3, background);
        creator = world.managed.get(0);
        creatorId = world.ids.get(creator);
    }

    private Map<String, Object> row() {
        return StatsDb.creator(creatorId);
    }

    private static long value(Map<String, Object> row, StatField field) {
        return ((Number) row.get(field.valueColumn())).longValue();
    }

    private JsonPath refreshAll() {
        return TestUsers.AGENCY_MEMBER
                .request()
                .post("/api/creators/stats/refresh-all")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private long anomalies(UUID model, StatField field, String kind) {
        return StatsDb.count(
                "select count(*) from stats_anomalies where model_id = ? and field = ? and kind = ?",
                model,
                field.apiName(),
                kind);
    }

    @Test
    void refreshAllWithAFailedCallKeepsTheFiguresOfThatCall() {
        Map<String, Object> before = row();
        for (String uuid : world.managed) {
            world.fault(uuid, Endpoint.ACCOUNT, FaultKind.ERROR_500, null);
        }

        JsonPath answer = refreshAll();

        Map<String, Object> after = row();
        for (StatField field : Endpoint.ACCOUNT.fields) {
            assertThat(after.get(field.valueColumn())).as(field.apiName()).isEqualTo(before.get(field.valueColumn()));
            assertThat(after.get(field.refreshedColumn())).isEqualTo(before.get(field.refreshedColumn()));
            assertThat(anomalies(creatorId, field, "error")).isEqualTo(1);
        }
        assertThat(after.get("revenue_refreshed_at")).isNotEqualTo(before.get("revenue_refreshed_at"));
        assertThat(answer.getString("creators.find { it.creatorId == '" + creatorId
                        + "' }.fields.find { it.field == 'subscribers' }.error"))
                .contains("500");
    }

    @Test
    void theDailyRefreshKeepsCountsFanvueAnsweredAsNull() {
        Map<String, Object> before = row();
        world.fault(creator, Endpoint.ACCOUNT, FaultKind.NULL_FIELD, StatField.SUBSCRIBERS);
        world.fault(world.selfUuid, Endpoint.SELF_ME, FaultKind.NULL_FIELD, StatField.FOLLOWERS);

        TestUsers.SERVICE
                .request()
                .post("/internal/v1/jobs/daily-refresh")
                .then()
                .statusCode(200);

        assertThat(row().get("subscribers_count")).isEqualTo(before.get("subscribers_count"));
        assertThat(row().get("subscribers_refreshed_at")).isEqualTo(before.get("subscribers_refreshed_at"));
        assertThat(anomalies(creatorId, StatField.SUBSCRIBERS, "missing")).isEqualTo(1);
        UUID self = world.ids.get(world.selfUuid);
        assertThat(anomalies(self, StatField.FOLLOWERS, "missing")).isEqualTo(1);
    }

    @Test
    void aReadingOfOneFigureWritesThatFigureAlone() {
        Map<String, Object> before = row();
        CreatorRef ref =
                creators.ref(world.tenants.agencyA(), creatorId).await().indefinitely();
        Map<StatField, Reading> onlySubscribers = new EnumMap<>(StatField.class);
        onlySubscribers.put(StatField.SUBSCRIBERS, new Reading.Value(value(before, StatField.SUBSCRIBERS) + 7, "test"));

        CreatorRefresh refresh = writer.write(ref, "webhook", new StatsReading(onlySubscribers, null))
                .await()
                .atMost(Duration.ofSeconds(10));

        Map<String, Object> after = row();
        assertThat(refresh.fields()).hasSize(1);
        assertThat(value(after, StatField.SUBSCRIBERS)).isEqualTo(value(before, StatField.SUBSCRIBERS) + 7);
        for (StatField field : StatField.values()) {
            if (field != StatField.SUBSCRIBERS) {
                assertThat(after.get(field.valueColumn()))
                        .as(field.apiName())
                        .isEqualTo(before.get(field.valueColumn()));
                assertThat(after.get(field.refreshedColumn())).isEqualTo(before.get(field.refreshedColumn()));
            }
        }
        assertThat(StatsDb.count("select count(*) from stats_anomalies")).isZero();
    }

    @Test
    void aCreatorOtherThanTheConnectedUserIsNeverReadThroughSelfPaths() {
        // /users/me answers the connected user, who is not this creator: seed 003 read it for every creator.
        WireMockWorld.answer(
                "/users/me", "{\"uuid\":\"" + world.selfUuid + "\",\"handle\":\"admin\",\"isCreator\":false}");
        WireMockFanvue.admin().resetRequests();
        Map<String, Object> before = row();

        TestUsers.AGENCY_MEMBER
                .request()
                .post("/api/creators/" + creatorId + "/stats/refresh")
                .then()
                .statusCode(200);

        assertThat(WireMockFanvue.admin().find(getRequestedFor(urlPathEqualTo("/users/me"))))
                .isEmpty();
        assertThat(WireMockFanvue.admin().find(getRequestedFor(urlPathEqualTo("/chats/unread"))))
                .isEmpty();
        assertThat(WireMockFanvue.admin().find(getRequestedFor(urlPathEqualTo("/creators/" + creator + "/account"))))
                .hasSize(1);
        assertThat(row().get("subscribers_count")).isEqualTo(before.get("subscribers_count"));
    }

    @Test
    void anotherCreatorsPersonalTokenReadsNothing() {
        TokenBrokerStub.personalOnly("someone-elses-token", UUID.randomUUID().toString());
        WireMockFanvue.admin().resetRequests();
        Map<String, Object> before = row();

        TestUsers.AGENCY_MEMBER
                .request()
                .post("/api/creators/" + creatorId + "/stats/refresh")
                .then()
                .statusCode(200)
                .body("fields.findAll { it.outcome == 'refreshed' }.size()", equalTo(0));

        assertThat(WireMockFanvue.admin()
                        .find(getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())))
                .isEmpty();
        assertThat(row().get("likes_count")).isEqualTo(before.get("likes_count"));
    }

    @Test
    void aPartialAnswerNeverLowersTheRevenue() {
        long gross = value(row(), StatField.REVENUE_TOTAL);
        long net = value(row(), StatField.REVENUE_NET_TOTAL);
        String summary = "/creators/" + creator + "/insights/earnings/summary";

        WireMockWorld.answer(summary, "{\"totals\":{\"allTime\":{\"gross\":" + (gross + 100) + "}}}");
        refreshAll();
        assertThat(value(row(), StatField.REVENUE_TOTAL)).isEqualTo(gross + 100);
        assertThat(value(row(), StatField.REVENUE_NET_TOTAL))
                .as("net was missing")
                .isEqualTo(net);
        assertThat(anomalies(creatorId, StatField.REVENUE_NET_TOTAL, "missing")).isEqualTo(1);

        long partial = gross * 6 / 10;
        WireMockWorld.answer(summary, "{\"totals\":{\"allTime\":{\"gross\":" + partial + ",\"net\":" + net + "}}}");
        refreshAll();
        refreshAll();
        assertThat(value(row(), StatField.REVENUE_TOTAL))
                .as("held, not applied")
                .isEqualTo(gross + 100);
        assertThat(anomalies(creatorId, StatField.REVENUE_TOTAL, "implausible")).isEqualTo(2);
        assertThat(StatsDb.count("select pending_value from stats_pending_values where model_id = ?", creatorId))
                .isEqualTo(partial);

        clock.advance(Duration.ofMinutes(2));
        refreshAll();
        assertThat(value(row(), StatField.REVENUE_TOTAL))
                .as("confirmed by a later refresh")
                .isEqualTo(partial);
        assertThat(StatsDb.count("select count(*) from stats_pending_values where model_id = ?", creatorId))
                .isZero();
    }

    @Test
    void aListingThatBreaksOffNeverCountsItsFirstPages() {
        Map<String, Object> before = row();
        String posts = "/creators/" + creator + "/posts";
        WireMockFanvue.admin()
                .register(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(posts))
                        .withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.equalTo("1"))
                        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                                "{\"data\":[{\"uuid\":\"" + UUID.randomUUID() + "\",\"likesCount\":1}],"
                                        + "\"pagination\":{\"page\":1,\"size\":50,\"hasMore\":true}}")));
        WireMockFanvue.admin()
                .register(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(posts))
                        .withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2"))
                        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                                .withStatus(502)));

        refreshAll();

        assertThat(row().get("posts_count")).isEqualTo(before.get("posts_count"));
        assertThat(row().get("likes_count")).isEqualTo(before.get("likes_count"));
        assertThat(anomalies(creatorId, StatField.POSTS, "error")).isEqualTo(1);
    }

    @Test
    void wronglyTypedAndEmptyAnswersAreKeptAndTheApiStillAnswers() {
        Map<String, Object> before = row();
        world.fault(creator, Endpoint.ACCOUNT, FaultKind.WRONG_TYPE, StatField.SUBSCRIBERS);
        world.fault(creator, Endpoint.SUMMARY, FaultKind.EMPTY_OBJECT, null);
        world.fault(creator, Endpoint.CHATS, FaultKind.RATE_LIMITED, null);
        world.fault(creator, Endpoint.MEDIA, FaultKind.TRUNCATED, null);

        refreshAll();

        Map<String, Object> after = row();
        for (StatField field : StatField.values()) {
            if (field != StatField.POSTS && field != StatField.LIKES) {
                assertThat(after.get(field.valueColumn()))
                        .as(field.apiName())
                        .isEqualTo(before.get(field.valueColumn()));
            }
        }
        assertThat(anomalies(creatorId, StatField.REVENUE_TOTAL, "empty")).isEqualTo(1);
        assertThat(anomalies(creatorId, StatField.SUBSCRIBERS, "error")).isEqualTo(1);
        assertThat(anomalies(creatorId, StatField.UNREAD_CHATS, "error")).isEqualTo(1);
        cache.invalidate(world.tenants.agencyA(), creatorId).await().indefinitely();
        TestUsers.AGENCY_MEMBER
                .request()
                .get("/api/creators/" + creatorId + "/stats")
                .then()
                .statusCode(200)
                .body("subscribers.value", equalTo(((Number) before.get("subscribers_count")).intValue()));
    }
}
