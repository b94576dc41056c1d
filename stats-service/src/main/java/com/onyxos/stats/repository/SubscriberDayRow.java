package com.onyxos.stats.repository;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One day of one creator's subscriber series.
 *
 * @param modelId the creator
 * @param date the day
 * @param total subscribers at the end of the day
 * @param added new subscribers that day
 * @param cancelled cancelled subscriptions that day
 */
public record SubscriberDayRow(UUID modelId, LocalDate date, int total, int added, int cancelled) {}
