package com.onyxos.common.fanvue;

/**
 * What the client reports about its calls, tagged by route template (bounded cardinality, no ids). The services
 * back it with Micrometer; tests and tools may pass {@link #NONE}.
 */
public interface FanvueMetrics {

    /** Reports nothing. */
    FanvueMetrics NONE = new FanvueMetrics() {};

    /** Fanvue answered {@code status} after {@code nanos}. */
    default void answered(String route, int status, long nanos) {}

    /** No answer came (timeout, reset, refused). */
    default void noAnswer(String route) {}

    /** The call is tried again; {@code reason} is {@code server_error}, {@code rate_limited} or {@code unauthorized}. */
    default void retried(String route, String reason) {}
}
