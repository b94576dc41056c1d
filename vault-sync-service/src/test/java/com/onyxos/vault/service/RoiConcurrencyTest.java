package com.onyxos.vault.service;

import static com.onyxos.vault.VaultFixtures.asset;
import static com.onyxos.vault.VaultFixtures.performanceOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.TestDatabase;
import com.onyxos.common.testing.TestTenants;
import com.onyxos.common.testing.TokenBrokerStub;
import com.onyxos.vault.VaultFixtures.Stored;
import com.onyxos.vault.repository.AssetEventRepository.NewEvent;
import com.onyxos.vault.repository.VaultPerformanceRepository;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writers of performance never overwrite each other with a stale snapshot: an event report waits for another
 * writer of the same asset, and a recalculation waits for event reports in flight. Each test holds the other
 * writer's locks in an open JDBC transaction, adds an event there, and checks the waiting write counts it.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class RoiConcurrencyTest {

    @Inject
    AssetEventService events;

    @Inject
    RoiService roi;

    private UUID agency;
    private UUID assetId;

    @BeforeEach
    void seed() {
        TestDatabase.truncateAll();
        agency = TestTenants.seed().agencyA();
        assetId = asset(agency, TestTenants.creator(agency, UUID.randomUUID(), "alice"), "a.jpg")
                .insert();
    }

    @Test
    void anEventReportWaitsForAnotherWriterOfTheSameAssetAndCountsItsEvent() throws Exception {
        try (Connection other = TestDatabase.get().connect()) {
            other.setAutoCommit(false);
            run(other, "select id from content_assets where id = ? for no key update", assetId);
            insertEvent(other, "sent", "from-the-other-writer");

            CompletableFuture<RecordedEvent> report = events.record(agency, sent("m-1"))
                    .subscribeAsCompletionStage()
                    .toCompletableFuture();
            Thread.sleep(300);
            assertThat(report).as("waits for the asset's lock").isNotDone();
            other.commit();

            assertThat(report.get(10, TimeUnit.SECONDS).performance().timesSent())
                    .isEqualTo(2);
        }
        assertThat(performanceOf(assetId)).isEqualTo(new Stored(2, 0, 0, new BigDecimal("0.000000")));
    }

    @Test
    void aRecalculationWaitsForEventReportsInFlightAndCountsThem() throws Exception {
        try (Connection inFlight = TestDatabase.get().connect()) {
            inFlight.setAutoCommit(false);
            run(
                    inFlight,
                    "select count(*) from (select pg_advisory_xact_lock_shared(?, hashtext(?))) as locked",
                    VaultPerformanceRepository.LOCK_NAMESPACE,
                    agency.toString());
            insertEvent(inFlight, "sent", "in-flight");

            CompletableFuture<Integer> recalculation =
                    roi.recalculate(agency, null).subscribeAsCompletionStage().toCompletableFuture();
            Thread.sleep(300);
            assertThat(recalculation).as("waits for reports in flight").isNotDone();
            inFlight.commit();

            assertThat(recalculation.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(performanceOf(assetId)).isEqualTo(new Stored(1, 0, 0, new BigDecimal("0.000000")));
    }

    private NewEvent sent(String message) {
        return new NewEvent(assetId, "sent", "dashboard", message, 0, OffsetDateTime.now(ZoneOffset.UTC));
    }

    private void insertEvent(Connection connection, String type, String message) throws SQLException {
        run(
                connection,
                "insert into asset_events (agency_id, asset_id, event_type, source, message_uuid, occurred_at)"
                        + " values (?, ?, ?, 'fanvue', ?, now())",
                agency,
                assetId,
                type,
                message);
    }

    private static void run(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }
}
