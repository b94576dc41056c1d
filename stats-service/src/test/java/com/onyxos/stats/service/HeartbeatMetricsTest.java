package com.onyxos.stats.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.common.testing.FanvueSimulatorResource;
import com.onyxos.common.testing.PostgresResource;
import com.onyxos.common.testing.ServiceMetrics;
import com.onyxos.common.testing.SimulatorAdmin;
import com.onyxos.common.testing.TokenBrokerStub;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What ops read about the revenue heartbeat: its time per run by outcome, the Fanvue calls it made (equal to what the
 * simulator saw), the rows each step wrote (equal to the run record) and the steps that kept stored data — with no
 * agency or creator id among the tags.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FanvueSimulatorResource.class)
@WithTestResource(TokenBrokerStub.class)
class HeartbeatMetricsTest extends HeartbeatTests {

    @Inject
    MeterRegistry registry;

    private long runs(String outcome) {
        Timer timer =
                registry.find("onyx.stats.heartbeat").tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private double rows(String step) {
        return registry.counter("onyx.stats.heartbeat.rows", "step", step).count();
    }

    private double failed(String step, String reason) {
        return registry.counter("onyx.stats.heartbeat.steps.failed", "step", step, "reason", reason)
                .count();
    }

    @Test
    void aHeartbeatMovesItsTimerCallsAndRowsByWhatItDid() {
        long succeeded = runs("succeeded");
        DistributionSummary calls =
                registry.find("onyx.stats.heartbeat.fanvue.calls").summary();
        long callRuns = calls == null ? 0 : calls.count();
        double callSum = calls == null ? 0 : calls.totalAmount();
        Map<String, Double> rowsBefore = Map.of(
                "earnings", rows("earnings"),
                "subscribers", rows("subscribers"),
                "topSpenders.all_time", rows("topSpenders.all_time"),
                "topSpenders.30d", rows("topSpenders.30d"),
                "trackingLinks", rows("trackingLinks"));
        SimulatorAdmin.clearJournal();

        JsonPath answer = heartbeat();

        assertThat(answer.getString("agencies[0].status")).isEqualTo("succeeded");
        assertThat(runs("succeeded")).isEqualTo(succeeded + 1);
        Timer timer = registry.find("onyx.stats.heartbeat")
                .tag("outcome", "succeeded")
                .timer();
        assertThat(timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
        // Every Fanvue request of the run, counted by the service, is one the simulator received (no faults: no
        // retries), and the run record says the same.
        long made = SimulatorAdmin.journal(Map.of()).size();
        assertThat(made).isPositive();
        assertThat(answer.getLong("agencies[0].counts.fanvueCalls")).isEqualTo(made);
        DistributionSummary after =
                registry.find("onyx.stats.heartbeat.fanvue.calls").summary();
        assertThat(after.count()).isEqualTo(callRuns + 1);
        assertThat(after.totalAmount() - callSum).isEqualTo((double) made);
        // Rows per step: what the run record counts.
        assertThat(rows("earnings") - rowsBefore.get("earnings"))
                .isEqualTo((double) answer.getLong("agencies[0].counts.earningsRowsWritten"))
                .isPositive();
        assertThat(rows("subscribers") - rowsBefore.get("subscribers"))
                .isEqualTo((double) answer.getLong("agencies[0].counts.subscriberDaysWritten"));
        assertThat(rows("topSpenders.all_time")
                        - rowsBefore.get("topSpenders.all_time")
                        + rows("topSpenders.30d")
                        - rowsBefore.get("topSpenders.30d"))
                .isEqualTo((double) answer.getLong("agencies[0].counts.topSpendersWritten"))
                .isPositive();
        assertThat(rows("trackingLinks") - rowsBefore.get("trackingLinks"))
                .isEqualTo((double) answer.getLong("agencies[0].counts.trackingLinksWritten"))
                .isPositive();
    }

    @Test
    void aStepWhoseAnswerFailsIsCountedByStepAndReasonAndTheRunAsPartial() {
        heartbeat();
        long partial = runs("partial");
        double links = failed("trackingLinks", "error");
        double spenders = failed("topSpenders.all_time", "empty");
        SimulatorAdmin.addFault(Map.of("path", "/creators/*/tracking-links", "kind", "error", "status", 500));
        SimulatorAdmin.addFault(Map.of("path", "/creators/*/insights/top-spenders", "kind", "emptyObject"));

        JsonPath answer = heartbeat();

        assertThat(answer.getString("agencies[0].status")).isEqualTo("partial");
        assertThat(runs("partial")).isEqualTo(partial + 1);
        assertThat(failed("trackingLinks", "error") - links).isEqualTo(ids.size());
        assertThat(failed("topSpenders.all_time", "empty") - spenders).isEqualTo(ids.size());
        assertThat(answer.getLong("agencies[0].counts.stepsKept")).isEqualTo(3L * ids.size());
    }

    @Test
    void theMetricsPageShowsTheHeartbeatWithoutAgencyOrCreatorIds() {
        heartbeat();

        assertThat(ServiceMetrics.value("onyx_stats_heartbeat_seconds_count{outcome=\"succeeded\"}"))
                .isPositive();
        assertThat(ServiceMetrics.value("onyx_stats_heartbeat_fanvue_calls_count"))
                .isPositive();
        assertThat(ServiceMetrics.value("onyx_stats_heartbeat_rows_total{step=\"trackingLinks\"}"))
                .isPositive();
        List<String> lines = given().get("/q/metrics")
                .asString()
                .lines()
                .filter(line -> line.startsWith("onyx_stats_heartbeat"))
                .toList();
        assertThat(lines).isNotEmpty();
        String agency = world.tenants.agencyA().toString();
        assertThat(lines).noneMatch(line -> line.contains(agency));
        assertThat(lines).noneMatch(line -> ids.stream().anyMatch(id -> line.contains(id.toString())));
    }
}
