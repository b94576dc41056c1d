package com.onyxos.stats.service;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.stats.domain.StatField;
import com.onyxos.stats.testing.FanvueStubs;
import com.onyxos.stats.testing.FanvueStubs.Endpoint;
import com.onyxos.stats.testing.FanvueStubs.FaultKind;
import com.onyxos.stats.testing.FaultProfile;
import com.onyxos.stats.testing.MutableClock;
import com.onyxos.stats.testing.StatsDb;
import com.onyxos.stats.testing.StatsWorld;
import com.onyxos.stats.testing.WireMockFanvue;
import com.onyxos.stats.testing.WireMockWorld;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The fault campaign: round after round, every creator's figures are set to random stored values, Fanvue's
 * endpoints answer random figures or one of thirteen faults (5xx, timeouts, resets, {@code {}}, {@code []}, empty
 * and truncated bodies, missing fields, nulls, wrong types, 429s), and one write path runs (refresh-all, one
 * creator's refresh, the daily job, a stale read's background refresh). After every round each figure is either
 * written from a good answer (then it equals Fanvue's, and the drop, if any, was plausible) or kept exactly as
 * stored with an anomaly row for it; our API never answers 5xx. At least 1,000 faults.
 */
@QuarkusTest
@TestProfile(FaultProfile.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(WireMockFanvue.class)
@WithTestResource(TokenBrokerStub.class)
class FaultCampaignTest {

    private static final int MANAGED_CREATORS = 13;
    private static final int MIN_FAULTS = 1_000;
    private static final Instant OLD = Instant.parse("2020-01-01T00:00:00Z");
    private static final FaultKind[] FAULTS = FaultKind.values();

    @Inject
    BackgroundRefresh background;

    @Inject
    StatsCache cache;

    @Inject
    MutableClock clock;

    private final Random random = new Random(20261201);
    private final Plausibility plausibility = new Plausibility(0.05, 0.5, 10);

    @Test
    void noFaultEverLowersOrZeroesAFigure() {
        clock.reset();
        WireMockWorld world = WireMockWorld.imported(MANAGED_CREATORS, 7, background);
        int faults = 0;
        int rounds = 0;
        Map<FaultKind, Integer> byKind = new EnumMap<>(FaultKind.class);
        List<String> violations = new ArrayList<>();
        int kept = 0;
        int written = 0;
        while (faults < MIN_FAULTS) {
            rounds++;
            world.answerTruthfully(world.randomTruths());
            Map<String, Set<StatField>> spoiled = new LinkedHashMap<>();
            Set<String> faultedPaths = new HashSet<>();
            for (String uuid : world.all()) {
                Set<StatField> fields = EnumSet.noneOf(StatField.class);
                for (Endpoint endpoint : world.endpoints(uuid)) {
                    if (random.nextInt(100) < 45) {
                        FaultKind fault = FAULTS[1 + random.nextInt(FAULTS.length - 1)];
                        List<StatField> targets = fault.wholeAnswer
                                ? endpoint.fields
                                : FanvueStubs.fieldTargets(endpoint, world.truth.get(uuid));
                        if (targets.isEmpty()) {
                            continue;
                        }
                        StatField target = targets.get(random.nextInt(targets.size()));
                        fields.addAll(world.fault(uuid, endpoint, fault, target));
                        faultedPaths.add(FanvueStubs.path(endpoint, uuid));
                        byKind.merge(fault, 1, Integer::sum);
                        faults++;
                    }
                }
                spoiled.put(uuid, fields);
            }
            Map<String, Map<StatField, Long>> stored = storeRandomFigures(world);
            clock.advance(Duration.ofMinutes(3));
            Instant roundStart = clock.instant();
            runAWritePath(world, rounds % 4);
            StatsWorld.awaitQuiet(background);

            Set<String> requested = new HashSet<>();
            for (LoggedRequest request : WireMockFanvue.admin().find(getRequestedFor(anyUrl()))) {
                requested.add(request.getUrl().replaceAll("\\?.*", ""));
            }
            assertThat(requested).as("every faulted endpoint was called").containsAll(faultedPaths);

            // Every creator's row and the round's anomalies in two queries (a connection per creator was a good
            // part of each round).
            Map<UUID, Map<String, Object>> rows = new HashMap<>();
            StatsDb.rows("select * from models where agency_id = ?", world.tenants.agencyA())
                    .forEach(row -> rows.put((UUID) row.get("id"), row));
            Map<UUID, Set<String>> anomaliesOf = new HashMap<>();
            StatsDb.rows("select model_id, field from stats_anomalies where occurred_at >= ?", roundStart)
                    .forEach(a -> anomaliesOf
                            .computeIfAbsent((UUID) a.get("model_id"), model -> new HashSet<>())
                            .add((String) a.get("field")));
            for (String uuid : world.all()) {
                UUID id = world.ids.get(uuid);
                Map<String, Object> row = rows.get(id);
                assertThat(row).as("the row of %s", uuid).isNotNull();
                Set<String> anomalies = anomaliesOf.getOrDefault(id, Set.of());
                for (StatField field : StatField.values()) {
                    Long before = stored.get(uuid).get(field);
                    long truth = world.truth.get(uuid).get(field);
                    Object value = row.get(field.valueColumn());
                    Long after = value == null ? null : ((Number) value).longValue();
                    Object refreshedAt = row.get(field.refreshedColumn());
                    boolean wasWritten = refreshedAt != null && !OLD.equals(refreshedAt);
                    boolean plausible = before == null || plausibility.plausible(field, before, truth);
                    boolean shouldWrite = !spoiled.get(uuid).contains(field) && plausible;
                    String what = "round " + rounds + " " + uuid + " " + field.apiName() + " stored " + before
                            + " truth " + truth + " now " + after;
                    if (wasWritten) {
                        written++;
                        if (after == null || after != truth || !shouldWrite) {
                            violations.add("written wrongly: " + what);
                        }
                    } else {
                        kept++;
                        if (!java.util.Objects.equals(after, before)) {
                            violations.add("kept value changed: " + what);
                        }
                        if (!anomalies.contains(field.apiName())) {
                            violations.add("kept without an anomaly: " + what);
                        }
                        if (shouldWrite) {
                            violations.add("kept although the answer was good: " + what);
                        }
                    }
                }
            }
        }
        System.out.printf(
                "Fault campaign: %d rounds, %d faults %s, %d figures written, %d kept, %d violations%n",
                rounds, faults, byKind, written, kept, violations.size());
        assertThat(violations).isEmpty();
        assertThat(byKind.keySet()).hasSize(FAULTS.length - 1);
    }

    /** Random stored figures (some above, some below Fanvue's, some never fetched), all dated long ago. */
    private Map<String, Map<StatField, Long>> storeRandomFigures(WireMockWorld world) {
        Map<String, Map<StatField, Long>> stored = new LinkedHashMap<>();
        StatsDb.update("delete from stats_pending_values");
        StringBuilder sets = new StringBuilder("stats_attempted_at = null");
        for (StatField field : StatField.values()) {
            sets.append(", ")
                    .append(field.valueColumn())
                    .append(" = ?, ")
                    .append(field.refreshedColumn())
                    .append(" = ?");
        }
        List<Object[]> updates = new ArrayList<>();
        for (String uuid : world.all()) {
            Map<StatField, Long> values = new EnumMap<>(StatField.class);
            List<Object> parameters = new ArrayList<>();
            for (StatField field : StatField.values()) {
                long truth = world.truth.get(uuid).get(field);
                Long value =
                        switch (random.nextInt(6)) {
                            case 0 -> null;
                            case 1 -> truth;
                            case 2 -> truth + 1 + random.nextInt(5);
                            case 3 -> truth * 3 + 20;
                            case 4 -> Math.max(0, truth - 1 - random.nextInt(50));
                            default -> (long) random.nextInt(200);
                        };
                values.put(field, value);
                parameters.add(value == null ? null : field.integerColumn() ? (Object) value.intValue() : value);
                parameters.add(value == null ? null : Timestamp.from(OLD));
            }
            parameters.add(world.ids.get(uuid));
            updates.add(parameters.toArray());
            stored.put(uuid, values);
        }
        StatsDb.updateEach("update models set " + sets + " where id = ?", updates);
        for (String uuid : world.all()) {
            cache.invalidate(world.tenants.agencyA(), world.ids.get(uuid))
                    .await()
                    .indefinitely();
        }
        return stored;
    }

    private void runAWritePath(WireMockWorld world, int path) {
        List<Response> answers = new ArrayList<>();
        switch (path) {
            case 0 -> answers.add(TestUsers.AGENCY_MEMBER.request().post("/api/creators/stats/refresh-all"));
            case 1 ->
                world.ids
                        .values()
                        .forEach(id -> answers.add(
                                TestUsers.AGENCY_MEMBER.request().post("/api/creators/" + id + "/stats/refresh")));
            case 2 -> answers.add(TestUsers.SERVICE.request().post("/internal/v1/jobs/daily-refresh"));
            default -> answers.add(TestUsers.AGENCY_MEMBER.request().get("/api/creators"));
        }
        for (Response answer : answers) {
            assertThat(answer.statusCode()).as(answer.asString()).isLessThan(500);
        }
    }
}
