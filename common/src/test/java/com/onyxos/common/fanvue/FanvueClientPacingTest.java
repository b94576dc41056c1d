package com.onyxos.common.fanvue;

import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.common.fanvue.model.FolderMedia;
import com.onyxos.common.fanvue.model.VaultFolder;
import com.onyxos.simulator.FanvueSimulator;
import com.onyxos.simulator.SimulatorSettings;
import com.onyxos.simulator.control.Stats;
import com.onyxos.simulator.control.TokenRequest;
import com.onyxos.simulator.ratelimit.RateRefill;
import com.onyxos.simulator.world.Agency;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A multi-page sync of one creator (the media library, the folders, every folder's media, four listings at once)
 * against a small bucket of 20 requests: more than two buckets' worth of pages, and not one answered 429, whether
 * Fanvue refills the bucket continuously or all at once when its window ends. The window is 4 s rather than
 * Fanvue's 60 s so that the test runs in seconds; the client learns the window from the headers either way. Each case
 * has a simulator and a client of its own and mostly waits for windows to pass, so the cases run concurrently, beside
 * the module's other test classes.
 */
@Execution(ExecutionMode.CONCURRENT)
class FanvueClientPacingTest {

    private static final int BUCKET = 20;

    @ParameterizedTest
    @EnumSource(RateRefill.class)
    void aSyncLargerThanTheBucketGetsNo429(RateRefill refill) {
        try (FanvueSimulator simulator = FanvueSimulator.start(SimulatorSettings.defaults()
                        .withAgencies(1)
                        .withCreatorsPerAgency(1)
                        .withMediaPerCreator(1_000)
                        .withRateLimitCapacity(BUCKET)
                        .withRateLimitWindow(Duration.ofSeconds(4))
                        .withRateLimitRefill(refill));
                ClientFixture fixture = new ClientFixture(simulator.baseUrl())) {
            Agency agency = simulator.world().agencies().get(0);
            String creator = agency.creatorUuids().get(0);
            String token = simulator
                    .control()
                    .issueToken(TokenRequest.of(agency.admin().uuid(), List.of("read:creator", "read:media")))
                    .accessToken();
            FanvueCreatorApi api = fixture.client
                    .api(new FanvueCredentials(agency.admin().uuid(), FanvueTokenProvider.fixed(token)))
                    .creator(creator);

            long media = sync(api);

            Stats stats = simulator.control().stats();
            assertThat(media)
                    .isEqualTo(1_000
                            + simulator.world().creator(creator).folders().stream()
                                    .mapToLong(folder -> folder.mediaUuids().size())
                                    .sum());
            assertThat(stats.requests()).isGreaterThan(2L * BUCKET);
            assertThat(stats.tooManyRequests()).isZero();
            assertThat(stats.earlyRequests()).isZero();
        }
    }

    /** Reads the media library and every folder's media, four listings at a time; answers the items read. */
    private static long sync(FanvueCreatorApi api) {
        Multi<Long> library =
                api.media(MediaQuery.ALL).collect().with(Collectors.counting()).toMulti();
        Multi<Long> folders = api.vaultFolders()
                .onItem()
                .transformToUni(folder -> count(api, folder))
                .merge(4);
        return Multi.createBy()
                .merging()
                .streams(library, folders)
                .collect()
                .with(Collectors.summingLong(Long::longValue))
                .await()
                .atMost(Duration.ofMinutes(2));
    }

    private static Uni<Long> count(FanvueCreatorApi api, VaultFolder folder) {
        Multi<FolderMedia> media = api.folderMedia(folder.name());
        return media.collect().with(Collectors.counting());
    }
}
