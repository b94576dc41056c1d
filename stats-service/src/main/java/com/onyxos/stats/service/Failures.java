package com.onyxos.stats.service;

import com.onyxos.common.broker.FanvueNotConnectedException;

/** One line saying why a step failed, for run records and reports (never a stack trace). */
final class Failures {

    private Failures() {}

    static String describe(Throwable failure) {
        if (failure instanceof FanvueNotConnectedException notConnected) {
            return "Fanvue not connected: "
                    + (notConnected.brokerDetail() == null ? notConnected.getMessage() : notConnected.brokerDetail());
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.length() <= 500 ? message : message.substring(0, 500) + "...";
    }
}
