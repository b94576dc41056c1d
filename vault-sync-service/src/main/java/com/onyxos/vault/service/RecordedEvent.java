package com.onyxos.vault.service;

import com.onyxos.vault.repository.EventItem;
import com.onyxos.vault.repository.Performance;

/**
 * The outcome of reporting an asset event.
 *
 * @param created whether this report recorded it (false: it was recorded before, and nothing changed)
 * @param event the recorded event (on a repeat, the one recorded first)
 * @param performance the asset's performance afterwards
 */
public record RecordedEvent(boolean created, EventItem event, Performance performance) {}
