package com.onyxos.common.fanvue.model;

import java.time.LocalDate;

/** One day of {@code GET /insights/subscribers}. */
public record SubscriberDay(LocalDate date, long total, long newSubscribersCount, long cancelledSubscribersCount) {}
