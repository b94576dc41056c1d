package com.onyxos.auth.service;

import com.onyxos.common.fanvue.FanvueException;
import com.onyxos.common.problem.ProblemException;

/** Turns Fanvue failures into problems for our callers; never a token, always a stable code. */
final class FanvueFailures {

    private FanvueFailures() {}

    static ProblemException unavailable(Throwable failure) {
        String route = failure instanceof FanvueException fanvue ? fanvue.route() : "Fanvue";
        return new ProblemException(
                503,
                "fanvue_unavailable",
                "Fanvue unavailable",
                "Fanvue did not answer usefully (" + route + "); try again shortly.");
    }

    /** A refresh that did not give a usable token although Fanvue was reached; {@code why} says what happened. */
    static ProblemException refreshIncomplete(String why) {
        return new ProblemException(
                503, "fanvue_unavailable", "Fanvue unavailable", "The token refresh did not complete: " + why + ".");
    }

    /** Another replica's refresh of the connection is still running; worth asking again in a moment. */
    static ProblemException refreshInProgress() {
        return new ProblemException(
                        503,
                        "fanvue_refresh_in_progress",
                        "Refresh in progress",
                        "Another replica is refreshing this connection's tokens right now; try again shortly.")
                .retryAfter(2);
    }

    static ProblemException notConnected(String why) {
        return new ProblemException(
                404,
                "fanvue_not_connected",
                "Fanvue not connected",
                "No Fanvue access token for this model" + (why == null ? "" : " (" + why + ")"));
    }
}
