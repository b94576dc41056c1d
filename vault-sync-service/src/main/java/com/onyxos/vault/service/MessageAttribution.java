package com.onyxos.vault.service;

import com.onyxos.common.fanvue.model.ChatMessage;
import com.onyxos.common.fanvue.model.Earning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Attributes Fanvue messages to the media they carried. Every message the creator sent with media counts as one
 * send of each media item; a purchased one ({@code purchasedAt}) as one unlock each. Revenue: each {@code message}
 * earnings row of the message (refunds and chargebacks are negative rows) is split evenly across the message's
 * media in whole cents, the first media taking the remainder; a media item's revenue for the message is the sum of
 * its shares, never below zero.
 */
public final class MessageAttribution {

    private MessageAttribution() {}

    /** The events of the messages {@code creatorUuid} sent, priced by the message earnings. */
    public static List<AttributedEvent> events(String creatorUuid, List<ChatMessage> messages, List<Earning> earnings) {
        Map<String, List<Long>> grossByMessage = new HashMap<>();
        for (Earning earning : earnings) {
            if ("message".equals(earning.source()) && earning.messageUuid() != null) {
                grossByMessage
                        .computeIfAbsent(earning.messageUuid(), key -> new ArrayList<>())
                        .add(earning.gross());
            }
        }
        List<AttributedEvent> events = new ArrayList<>();
        for (ChatMessage message : messages) {
            boolean fromCreator = message.sender() != null
                    && creatorUuid.equals(message.sender().uuid());
            if (!fromCreator || message.mediaUuids().isEmpty() || message.sentAt() == null) {
                continue;
            }
            long[] shares = shares(
                    grossByMessage.getOrDefault(message.uuid(), List.of()),
                    message.mediaUuids().size());
            for (int i = 0; i < message.mediaUuids().size(); i++) {
                UUID media = UUID.fromString(message.mediaUuids().get(i));
                events.add(new AttributedEvent(media, "sent", message.uuid(), 0, message.sentAt()));
                if (message.purchasedAt() != null) {
                    events.add(new AttributedEvent(
                            media, "unlocked", message.uuid(), Math.max(0, shares[i]), message.purchasedAt()));
                }
            }
        }
        return events;
    }

    /** Each row split evenly over {@code n} media, the first taking the remainder; summed per media. */
    static long[] shares(List<Long> grossRows, int n) {
        long[] shares = new long[n];
        for (long gross : grossRows) {
            long share = gross / n;
            shares[0] += gross - share * (n - 1);
            for (int i = 1; i < n; i++) {
                shares[i] += share;
            }
        }
        return shares;
    }
}
