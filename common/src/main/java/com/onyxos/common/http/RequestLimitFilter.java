package com.onyxos.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onyxos.common.problem.Problem;
import com.onyxos.common.problem.ProblemResponses;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses, with a problem response and before authentication or routing, a request target longer than
 * {@value #MAX_URI_LENGTH} characters (414) and a body announced larger than
 * {@code quarkus.http.limits.max-body-size} (413, before reading it). Without this, the HTTP layer answers both with
 * an empty body. A body sent without {@code Content-Length} is limited by {@link ChunkedBodyLimit}.
 */
@ApplicationScoped
public class RequestLimitFilter {

    /**
     * Longest request target (path and query) we serve. {@code quarkus.http.limits.max-initial-line-length} is set
     * above it, so that a longer one still reaches this filter and gets a problem rather than an empty 414.
     */
    public static final int MAX_URI_LENGTH = 8192;

    // Runs before authentication and routing: an oversize request is refused whoever sends it.
    private static final int PRIORITY = 1000;

    private final long limit;
    private final byte[] tooLarge;
    private final byte[] uriTooLong;

    public RequestLimitFilter(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
            ProblemResponses problems,
            ObjectMapper mapper)
            throws JsonProcessingException {
        this.limit = limit.asLongValue();
        this.tooLarge = mapper.writeValueAsBytes(ChunkedBodyLimit.tooLarge(problems, this.limit));
        this.uriTooLong = mapper.writeValueAsBytes(problems.problem(
                414,
                "uri_too_long",
                "URI Too Long",
                "The request target is longer than the " + MAX_URI_LENGTH + " characters allowed.",
                List.of()));
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        if (context.request().uri().length() > MAX_URI_LENGTH) {
            refuse(context, 414, uriTooLong);
            return;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isOverLimit(length)) {
            refuse(context, 413, tooLarge);
            return;
        }
        context.next();
    }

    private static void refuse(RoutingContext context, int status, byte[] problem) {
        context.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Buffer.buffer(problem));
    }

    private boolean isOverLimit(String length) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself rejects a malformed Content-Length.
        }
    }
}
