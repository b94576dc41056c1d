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
 * Refuses a body announced larger than {@code quarkus.http.limits.max-body-size} with a 413 problem before reading
 * it. (Without this, the HTTP layer answers 413 with an empty body.)
 */
@ApplicationScoped
public class BodyLimitFilter {

    // Runs before authentication and routing: an oversize body is refused whoever sends it.
    private static final int PRIORITY = 1000;

    private final long limit;
    private final byte[] problemBody;

    public BodyLimitFilter(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
            ProblemResponses problems,
            ObjectMapper mapper)
            throws JsonProcessingException {
        this.limit = limit.asLongValue();
        Problem problem = problems.problem(
                413,
                "payload_too_large",
                "Content Too Large",
                "The request body is larger than the " + limit.asLongValue() + " bytes allowed.",
                List.of());
        this.problemBody = mapper.writeValueAsBytes(problem);
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isOverLimit(length)) {
            context.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(Buffer.buffer(problemBody));
            return;
        }
        context.next();
    }

    private boolean isOverLimit(String length) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself rejects a malformed Content-Length.
        }
    }
}
