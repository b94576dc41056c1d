package com.onyxos.simulator.world;

import java.time.LocalDate;

/** One day of a creator's subscriber series: {@code total} is the count at the end of that day. */
public record SubscriberDay(LocalDate date, int total, int newSubscribers, int cancelledSubscribers) {}
