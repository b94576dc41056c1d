package com.onyxos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.simulator.control.NewMedia;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same seed and sizes, same world byte for byte through the API; another seed, another world. */
class DeterminismTest {
    static final List<String> SELF_PATHS = List.of(
            "/users/me?x=1",
            "/users/account?x=1",
            "/vault/folders?size=50",
            "/media?size=50&page=2",
            "/insights/earnings?size=50",
            "/insights/earnings/summary?granularity=week",
            "/insights/subscribers?size=50",
            "/insights/top-spenders?size=50",
            "/subscribers?size=50",
            "/followers?size=50",
            "/chats?size=50",
            "/tracking-links?limit=50",
            "/posts?size=50");

    @Test
    void sameSeedSameAnswers() {
        SimulatorSettings settings = SimulatorSettings.defaults().withSeed(7);
        try (SimFixture a = SimFixture.start(settings);
                SimFixture b = SimFixture.start(settings)) {
            assertThat(world(a)).isEqualTo(world(b));
            assertThat(answers(a)).isEqualTo(answers(b));
        }
    }

    @Test
    void otherSeedOtherAnswers() {
        try (SimFixture a = SimFixture.start(SimulatorSettings.defaults().withSeed(7));
                SimFixture b = SimFixture.start(SimulatorSettings.defaults().withSeed(8))) {
            assertThat(world(a)).isNotEqualTo(world(b));
            assertThat(answers(a)).isNotEqualTo(answers(b));
        }
    }

    @Test
    void resetRegeneratesTheSameWorld() {
        try (SimFixture a = SimFixture.start(SimulatorSettings.defaults().withSeed(7))) {
            String before = answers(a);
            a.sim.control().addMedia(a.creator(0, 0), new NewMedia(null, null, null));
            a.sim.control().reset();
            assertThat(answers(a)).isEqualTo(before);
        }
    }

    private static String world(SimFixture fx) {
        return fx.plain().get("/_simulator/world").asString();
    }

    /** The creator's answers on every self path; variant URLs are left out since they carry a real expiry. */
    private static String answers(SimFixture fx) {
        String token = fx.fullToken(fx.creator(1, 2));
        StringBuilder all = new StringBuilder();
        for (String path : SELF_PATHS) {
            String[] parts = path.split("\\?");
            var request = fx.api(token);
            for (String kv : parts[1].split("&")) {
                request.queryParam(kv.split("=")[0], kv.split("=")[1]);
            }
            all.append(request.get(parts[0]).then().statusCode(200).extract().asString())
                    .append('\n');
        }
        return all.toString();
    }
}
