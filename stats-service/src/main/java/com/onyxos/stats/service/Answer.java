package com.onyxos.stats.service;

import com.onyxos.common.fanvue.FanvueException;
import io.smallrye.mutiny.Uni;
import java.util.function.Function;

/**
 * The outcome of one Fanvue call, success or failure, turned into readings of the figures it should carry.
 *
 * @param route the route called, e.g. {@code GET /creators/{creatorUserUuid}/account}
 * @param value the decoded answer, null when the call failed
 * @param failure why it failed, null on success
 */
record Answer<T>(String route, T value, Throwable failure) {

    /** Runs {@code call} and never fails: a failure becomes an answer that carries it. */
    static <T> Uni<Answer<T>> of(String route, Uni<T> call) {
        return call.map(value -> new Answer<>(route, value, null))
                .onFailure()
                .recoverWithItem(failure -> new Answer<>(route, null, failure));
    }

    /**
     * The figure {@code extract} finds in the answer: a value when it is there, missing when the answer lacks it,
     * or why the call gave no usable answer.
     */
    Reading reading(Function<T, Number> extract) {
        if (failure != null) {
            return failed();
        }
        Number figure = extract.apply(value);
        if (figure == null) {
            return new Reading.Absent(KeptReason.MISSING, "null", "the answer does not carry the figure", route);
        }
        return new Reading.Value(figure.longValue(), route);
    }

    /** Why the call gave no usable answer: empty ({@code {}}, {@code []}, no body) or an error. */
    Reading.Absent failed() {
        if (failure instanceof FanvueException.MalformedResponse malformed) {
            String raw = malformed.rawBody() == null ? "" : malformed.rawBody().trim();
            KeptReason reason =
                    raw.isEmpty() || raw.equals("{}") || raw.equals("[]") ? KeptReason.EMPTY : KeptReason.ERROR;
            return new Reading.Absent(reason, raw.isEmpty() ? "empty body" : raw, malformed.getMessage(), route);
        }
        if (failure instanceof FanvueException fanvue) {
            return new Reading.Absent(
                    KeptReason.ERROR,
                    fanvue.status() == 0 ? "no answer" : "HTTP " + fanvue.status(),
                    fanvue.getMessage(),
                    route);
        }
        return new Reading.Absent(KeptReason.ERROR, null, Failures.describe(failure), route);
    }
}
