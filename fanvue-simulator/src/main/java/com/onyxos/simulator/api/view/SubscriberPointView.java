package com.onyxos.simulator.api.view;

import com.onyxos.simulator.world.SubscriberDay;
import java.time.Instant;
import java.time.ZoneOffset;

/** A day of the subscriber series; {@code date} is declared a date but carries a full timestamp, as Fanvue's does. */
public record SubscriberPointView(Instant date, int total, int newSubscribersCount, int cancelledSubscribersCount) {
    public static SubscriberPointView of(SubscriberDay day) {
        return new SubscriberPointView(
                day.date().atStartOfDay().toInstant(ZoneOffset.UTC),
                day.total(),
                day.newSubscribers(),
                day.cancelledSubscribers());
    }
}
