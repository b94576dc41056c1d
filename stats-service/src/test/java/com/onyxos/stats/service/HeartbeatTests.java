package com.onyxos.stats.service;

import com.onyxos.common.testing.SimulatorAdmin;
import com.onyxos.common.testing.TestUsers;
import com.onyxos.stats.testing.MutableClock;
import com.onyxos.stats.testing.StatsWorld;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every revenue heartbeat test starts from: agency A connected to the simulator with three imported creators
 * (their first refresh done), the clock at real time; faults cleared and the application quiet after each test.
 */
abstract class HeartbeatTests {

    static final String HEARTBEAT = "/internal/v1/jobs/revenue-heartbeat";

    @Inject
    BackgroundRefresh background;

    @Inject
    MutableClock clock;

    StatsWorld world;
    List<UUID> ids;

    @BeforeEach
    void world() {
        clock.reset();
        world = StatsWorld.connected(3);
        ids = world.importCreators(background);
    }

    @AfterEach
    void quiet() {
        SimulatorAdmin.clearFaults();
        StatsWorld.awaitQuiet(background);
    }

    /** One heartbeat of agency A through the job endpoint; answers the endpoint's JSON. */
    JsonPath heartbeat() {
        return TestUsers.SERVICE
                .request()
                .queryParam("agencyId", world.tenants.agencyA().toString())
                .post(HEARTBEAT)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
