package com.onyxos.simulator.control;

import com.onyxos.simulator.SimulatorSettings;
import java.time.Duration;

/** Optional overrides for {@code POST /_simulator/reset}; absent fields keep the current settings. */
public record ResetRequest(
        Long seed,
        Integer agencies,
        Integer creatorsPerAgency,
        Integer foldersPerCreator,
        Integer mediaPerCreator,
        Integer earningsPerCreator,
        Integer chatsPerCreator,
        Integer messagesPerChat,
        Integer days,
        Long accessTokenTtlSeconds) {

    SimulatorSettings applyTo(SimulatorSettings s) {
        SimulatorSettings r = s;
        r = seed == null ? r : r.withSeed(seed);
        r = agencies == null ? r : r.withAgencies(agencies);
        r = creatorsPerAgency == null ? r : r.withCreatorsPerAgency(creatorsPerAgency);
        r = foldersPerCreator == null ? r : r.withFoldersPerCreator(foldersPerCreator);
        r = mediaPerCreator == null ? r : r.withMediaPerCreator(mediaPerCreator);
        r = earningsPerCreator == null ? r : r.withEarningsPerCreator(earningsPerCreator);
        r = chatsPerCreator == null ? r : r.withChatsPerCreator(chatsPerCreator);
        r = messagesPerChat == null ? r : r.withMessagesPerChat(messagesPerChat);
        r = accessTokenTtlSeconds == null ? r : r.withAccessTokenTtl(Duration.ofSeconds(accessTokenTtlSeconds));
        return days == null ? r : r.withDays(days);
    }
}
