package com.onyxos.stats.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.stats.domain.StatField;
import com.onyxos.stats.repository.CreatorRow;
import com.onyxos.stats.repository.Figure;
import com.onyxos.stats.testing.MutableClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The figures' JSON is rendered once per cached row and anew when a figure turns stale or the row changes. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class RenderedStatsTest {

    @Inject
    RenderedStats rendered;

    @Inject
    MutableClock clock;

    @Inject
    ObjectMapper json;

    private Instant now;

    @BeforeEach
    void clock() {
        clock.reset();
        now = clock.instant();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theSameRowIsRenderedOnceAndExactlyAsTheViewWouldBe() throws Exception {
        CreatorRow row = row(UUID.randomUUID(), 42L, now.minusSeconds(10));
        byte[] first = rendered.of(row);
        assertThat(rendered.of(row)).isSameAs(first);
        assertThat(json.readTree(first))
                .isEqualTo(json.readTree(json.writeValueAsBytes(StatsView.of(row, now.minus(Duration.ofMinutes(2))))));
        assertThat(json.readTree(first).at("/subscribers/value").asLong()).isEqualTo(42);
        assertThat(json.readTree(first).at("/revenueTotal/value").isNull()).isTrue();
    }

    @Test
    void aFigureTurningStaleIsShownStaleAtOnce() throws Exception {
        CreatorRow row = row(UUID.randomUUID(), 42L, now.minus(Duration.ofSeconds(100)));
        assertThat(json.readTree(rendered.of(row)).at("/subscribers/stale").asBoolean())
                .isFalse();
        clock.advance(Duration.ofSeconds(21)); // 121 s after the refresh: past the 2-minute stale period
        JsonNode later = json.readTree(rendered.of(row));
        assertThat(later.at("/subscribers/stale").asBoolean()).isTrue();
        assertThat(later.at("/subscribers/value").asLong()).isEqualTo(42);
    }

    @Test
    void aNewRowOfTheCreatorIsRenderedAnew() throws Exception {
        UUID id = UUID.randomUUID();
        byte[] before = rendered.of(row(id, 42L, now));
        byte[] after = rendered.of(row(id, 43L, now));
        assertThat(json.readTree(after).at("/subscribers/value").asLong()).isEqualTo(43);
        // An equal row read again after a write is a new object: rendered anew, never served another's JSON.
        byte[] again = rendered.of(row(id, 43L, now));
        assertThat(again).isNotSameAs(after).isEqualTo(after);
        assertThat(before).isNotEqualTo(after);
    }

    private static CreatorRow row(UUID id, Long subscribers, Instant refreshedAt) {
        return new CreatorRow(
                id,
                UUID.randomUUID(),
                UUID.randomUUID(),
                "handle",
                "Display",
                null,
                null,
                "active",
                "agency",
                null,
                "active",
                Map.of(StatField.SUBSCRIBERS, new Figure(subscribers, refreshedAt)),
                null,
                refreshedAt,
                refreshedAt);
    }
}
