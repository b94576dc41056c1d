package com.onyxos.common.fanvue.model;

import java.time.LocalDate;

/** A row of {@code GET /agencies/subscribers-history}: one creator's day. */
public record AgencySubscriberDay(
        String creatorUuid, LocalDate date, long newSubscribersCount, long cancelledSubscribersCount, Long total) {}
