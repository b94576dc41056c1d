package com.onyxos.stats.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.onyxos.common.broker.FanvueNotConnectedException;
import io.vertx.core.VertxException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Failure descriptions for run records and job answers: the failure's own words, no package names, one line. */
class FailuresTest {

    @Test
    void wrappersAreLookedThroughToTheFailureItself() {
        IllegalStateException failure = new IllegalStateException("creator 7 has no connection");

        assertThat(Failures.describe(new CompletionException(failure))).isEqualTo("creator 7 has no connection");
        assertThat(Failures.describe(new ExecutionException(new CompletionException(failure))))
                .isEqualTo("creator 7 has no connection");
        assertThat(Failures.describe(new RuntimeException(failure))).isEqualTo("creator 7 has no connection");
    }

    @Test
    void aNotConnectedCreatorInsideAWrapperIsStillSaidSo() {
        FanvueNotConnectedException notConnected = new FanvueNotConnectedException("connection revoked");

        assertThat(Failures.describe(new CompletionException(notConnected)))
                .isEqualTo("Fanvue not connected: connection revoked");
    }

    @Test
    void qualifiedNamesInAMessageAreShortenedAndNothingNamesAPackage() {
        String described = Failures.describe(new VertxException(
                "io.vertx.core.http.StreamResetException: reset by com.onyxos.common.fanvue.FanvueClient$Pacer"));

        assertThat(described).isEqualTo("StreamResetException: reset by FanvueClient$Pacer");
        assertThat(Failures.describe(new IllegalStateException(
                        new com.onyxos.common.problem.ProblemException(409, "x", "Conflict", "Already running."))))
                .doesNotContain("com.onyxos")
                .isEqualTo("Already running.");
    }

    @Test
    void aFailureWithoutAMessageIsNamedByItsClassAndTextStaysOnOneBoundedLine() {
        assertThat(Failures.describe(new CompletionException(new java.util.concurrent.TimeoutException())))
                .isEqualTo("TimeoutException");
        assertThat(Failures.describe(new IllegalStateException("first line\n\tat com.onyxos.X.y(X.java:1)")))
                .isEqualTo("first line at X.y(X.java:1)");
        assertThat(Failures.describe(new IllegalStateException("x".repeat(900))))
                .hasSize(503);
    }
}
