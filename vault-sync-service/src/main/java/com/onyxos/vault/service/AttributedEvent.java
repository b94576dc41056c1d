package com.onyxos.vault.service;

import java.time.Instant;
import java.util.UUID;

/**
 * A send or unlock of one vault media item, read from Fanvue's messages.
 *
 * @param mediaUuid Fanvue's media uuid (matched to the agency's asset)
 * @param type {@code sent} or {@code unlocked}
 * @param messageUuid the Fanvue message
 * @param revenue the media's share of what the message earned (unlocks; minor units)
 * @param at when it was sent or unlocked
 */
public record AttributedEvent(UUID mediaUuid, String type, String messageUuid, long revenue, Instant at) {}
