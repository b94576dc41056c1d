package com.onyxos.stats.service;

import com.onyxos.common.broker.FanvueNotConnectedException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/**
 * One line saying why a step failed, for run records, kept reasons and job answers: never a stack trace, never a
 * package name (job answers and figures reach clients, and an exception's qualified name says how we are built).
 */
final class Failures {

    /** A qualified Java name ({@code com.onyxos.x.FooException}, {@code io.vertx.core.VertxException}). */
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Z][\\w$]*)");

    private static final int LIMIT = 500;

    private Failures() {}

    static String describe(Throwable failure) {
        Throwable cause = unwrapped(failure);
        if (cause instanceof FanvueNotConnectedException notConnected) {
            return "Fanvue not connected: "
                    + clean(notConnected.brokerDetail() == null ? message(notConnected) : notConnected.brokerDetail());
        }
        return clean(message(cause));
    }

    /** The failure itself, not the wrappers futures and reactive streams put around it. */
    static Throwable unwrapped(Throwable failure) {
        Throwable current = failure;
        while (current.getCause() != null
                && current.getCause() != current
                && (current instanceof CompletionException
                        || current instanceof ExecutionException
                        || current.getMessage() == null
                        || current.getMessage().equals(current.getCause().toString()))) {
            current = current.getCause();
        }
        return current;
    }

    private static String message(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** Qualified names shortened to the class's own name, one line, at most 500 characters. */
    static String clean(String text) {
        String line = QUALIFIED_NAME
                .matcher(text)
                .replaceAll("$1")
                .replaceAll("\\s+", " ")
                .trim();
        return line.length() <= LIMIT ? line : line.substring(0, LIMIT) + "...";
    }
}
