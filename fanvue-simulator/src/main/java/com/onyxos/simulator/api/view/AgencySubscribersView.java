package com.onyxos.simulator.api.view;

import java.time.LocalDate;

/** A creator's subscriber counts on one UTC day ({@code YYYY-MM-DD}). */
public record AgencySubscribersView(
        String creatorUuid, LocalDate date, int newSubscribersCount, int cancelledSubscribersCount, int total) {}
