package com.onyxos.stats.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.onyxos.common.security.TenantResolver;
import com.onyxos.common.testing.CpuTime;
import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.SimulatorAdmin;
import com.onyxos.common.testing.TestTokens;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.stats.repository.CreatorQueries;
import com.onyxos.stats.rest.CreatorResource;
import com.onyxos.stats.rest.CreatorView;
import com.onyxos.stats.rest.StatsView;
import com.onyxos.stats.service.BackgroundRefresh;
import com.onyxos.stats.service.StatsCache;
import com.onyxos.stats.testing.StatsWorld;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Figures for stats-service (left out of the normal build): refresh-all of a 100-creator agency against the
 * simulator with 30 ms latency, and the CPU of each part of a read alone (JWT check, tenant lookup in the
 * database, cache, JSON). The reads under {@code wrk} are measured on the packaged service, in a JVM of its own:
 * {@link PackagedStatsReadsBenchmarkIT}. Run both (the build lock keeps other builds off the cores):
 * {@code ./mvnw -pl common,fanvue-simulator,stats-service verify -Dgroups=benchmark -DexcludedGroups=}.
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@Tag("benchmark")
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(com.onyxos.common.testing.TokenBrokerStub.class)
class StatsBenchmark {

    private static final int CREATORS = Integer.getInteger("bench.creators", 100);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 32);

    @Inject
    BackgroundRefresh background;

    @Inject
    StatsCache cache;

    @Inject
    CreatorQueries queries;

    @Inject
    TenantResolver tenants;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.oidc.public-key")
    String publicKey;

    @Test
    void figures() throws Exception {
        StatsWorld world = StatsWorld.connected(CREATORS);
        List<UUID> creators = world.importCreators(background);
        assertThat(creators).hasSize(CREATORS);

        refreshAll();
        split(world, creators.get(0));
    }

    private void refreshAll() {
        SimulatorAdmin.latency(30, 0);
        try {
            for (int round = 1; round <= 5; round++) {
                JsonPath before = SimulatorAdmin.stats();
                CpuTime cpu = CpuTime.now();
                long started = System.nanoTime();
                JsonPath answer = TestUsers.AGENCY_MEMBER
                        .request()
                        .post("/api/creators/stats/refresh-all")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                long ms = (System.nanoTime() - started) / 1_000_000;
                CpuTime used = CpuTime.now().minus(cpu);
                JsonPath after = SimulatorAdmin.stats();
                System.out.printf(
                        "BENCH refresh-all %s round %d: %d creators in %d ms, %d figures refreshed, %d kept,"
                                + " %d Fanvue requests, %d answered 429, %d early; CPU JVM %d ms, PostgreSQL %d ms%n",
                        round <= 2 ? "warm-up" : "measured",
                        round,
                        answer.getList("creators").size(),
                        ms,
                        answer.getLong("refreshed"),
                        answer.getLong("kept"),
                        after.getLong("requests") - before.getLong("requests"),
                        after.getLong("tooManyRequests") - before.getLong("tooManyRequests"),
                        after.getLong("earlyRequests") - before.getLong("earlyRequests"),
                        used.jvmMs(),
                        used.postgresMs());
            }
        } finally {
            SimulatorAdmin.latency(0, 0);
            StatsWorld.awaitQuiet(background);
        }
    }

    /** CPU per operation of each part of a read, measured alone in this JVM (and PostgreSQL for the tenant). */
    private void split(StatsWorld world, UUID creator) throws Exception {
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setExpectedIssuer(TestTokens.ISSUER)
                .setSkipDefaultAudienceValidation()
                .build();
        String token = TestTokens.mint(TestUsers.AGENCY_MEMBER);
        UUID agency = world.tenants.agencyA();
        var row = cache.creator(agency, creator).await().indefinitely().orElseThrow();
        var rows = cache.list(agency).await().indefinitely();
        measure("JWT signature and claims check (jose4j, RS256)", 20_000, () -> {
            try {
                return consumer.processToClaims(token);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        measure("tenant lookup (" + tenants.getClass().getSimpleName() + ")", 5_000, () -> tenants.resolve(
                        TestUsers.AGENCY_MEMBER.subject(), null, false)
                .await()
                .indefinitely());
        measure("cache hit (one creator)", 200_000, () -> cache.creator(agency, creator)
                .await()
                .indefinitely());
        measure("database read of one creator (cache miss)", 5_000, () -> queries.find(agency, creator)
                .await()
                .indefinitely());
        measure("database read of the list (cache miss)", 1_000, () -> queries.list(agency)
                .await()
                .indefinitely());
        java.time.Instant staleBefore = java.time.Instant.now().minusSeconds(120);
        measure("JSON of one creator's stats", 50_000, () -> write(StatsView.of(row, staleBefore)));
        measure(
                "JSON of the list",
                2_000,
                () -> write(new CreatorResource.CreatorList(
                        rows.stream().map(r -> CreatorView.of(r, staleBefore)).toList())));
    }

    private Object write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void measure(String what, int times, Supplier<Object> operation) {
        for (int i = 0; i < times / 2; i++) {
            operation.get();
        }
        CpuTime cpu = CpuTime.now();
        long started = System.nanoTime();
        List<Object> sink = new ArrayList<>(1);
        for (int i = 0; i < times; i++) {
            sink.clear();
            sink.add(operation.get());
        }
        CpuTime used = CpuTime.now().minus(cpu);
        System.out.printf(
                "BENCH split %s: %.1f µs wall, CPU JVM %.1f µs + PostgreSQL %.1f µs per operation%n",
                what,
                (System.nanoTime() - started) / 1000.0 / times,
                used.jvmMs() * 1000.0 / times,
                used.postgresMs() * 1000.0 / times);
    }
}
