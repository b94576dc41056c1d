package com.onyxos.vault.service;

import com.onyxos.common.broker.BrokeredTokens;
import com.onyxos.common.broker.FanvueNotConnectedException;
import com.onyxos.common.broker.FanvueTokenBrokerClient;
import com.onyxos.common.fanvue.ChatQuery;
import com.onyxos.common.fanvue.DateRange;
import com.onyxos.common.fanvue.FanvueApi;
import com.onyxos.common.fanvue.FanvueClient;
import com.onyxos.common.fanvue.FanvueCreatorApi;
import com.onyxos.common.fanvue.model.ChatMessage;
import com.onyxos.common.fanvue.model.Earning;
import com.onyxos.vault.config.VaultSyncConfig;
import com.onyxos.vault.repository.AttributedEventWriter;
import com.onyxos.vault.repository.CreatorRef;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/**
 * Reads a creator's messages and message earnings from Fanvue and records the sends and unlocks of vault media they
 * show (see {@link MessageAttribution} for the rule), so ROI reflects what happened on Fanvue, not only what the
 * dashboard reported.
 */
@ApplicationScoped
public class FanvueRoiAttribution {

    private final FanvueTokenBrokerClient broker;
    private final FanvueClient fanvue;
    private final AttributedEventWriter writer;
    private final VaultSyncConfig config;
    private final Clock clock;

    public FanvueRoiAttribution(
            FanvueTokenBrokerClient broker,
            FanvueClient fanvue,
            AttributedEventWriter writer,
            VaultSyncConfig config,
            Clock clock) {
        this.broker = broker;
        this.fanvue = fanvue;
        this.writer = writer;
        this.config = config;
        this.clock = clock;
    }

    /** Records the creator's attributed events; answers how many were new, or the failure's message. */
    public Uni<Attribution> attribute(CreatorRef creator) {
        return broker.token(creator.agencyId(), creator.id(), null, null)
                .chain(access -> {
                    FanvueApi api = fanvue.api(
                            BrokeredTokens.credentials(broker, creator.agencyId(), creator.id(), clock, access));
                    FanvueCreatorApi scope = access.personal()
                            ? api.self()
                            : api.creator(creator.fanvueUserUuid().toString());
                    return read(scope, creator.fanvueUserUuid().toString());
                })
                .chain(events -> writer.record(creator.agencyId(), creator.id(), events))
                .map(recorded -> new Attribution(recorded, null))
                .onFailure(FanvueNotConnectedException.class)
                .recoverWithItem(() -> new Attribution(0, FanvueNotConnectedException.MESSAGE))
                .onFailure()
                .recoverWithItem(failure -> new Attribution(
                        0, "Failed to read messages of " + creator.handle() + ": " + failure.getMessage()));
    }

    private Uni<List<AttributedEvent>> read(FanvueCreatorApi scope, String creatorUuid) {
        Uni<List<Earning>> earnings =
                scope.earnings(DateRange.ALL, List.of("message")).collect().asList();
        Uni<List<ChatMessage>> messages = scope.chats(ChatQuery.ALL)
                .onItem()
                .transformToMulti(chat -> chat.user() == null
                        ? Multi.createFrom().<ChatMessage>empty()
                        : scope.chatMessages(chat.user().uuid()))
                .merge(config.folderConcurrency())
                .collect()
                .asList();
        return earnings.chain(rows -> messages.map(list -> MessageAttribution.events(creatorUuid, list, rows)));
    }

    /**
     * @param recorded new events
     * @param error why the creator's messages could not be read, or null
     */
    public record Attribution(int recorded, String error) {}
}
