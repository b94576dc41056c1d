package com.onyxos.common.http;

import com.onyxos.common.problem.Problem;
import com.onyxos.common.problem.ProblemResponses;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Reads a request body that comes without {@code Content-Length} (chunked) up to
 * {@code quarkus.http.limits.max-body-size}, before the endpoint's reader sees it, and answers a longer one with
 * the same 413 problem as an announced one. Left to itself the REST layer would answer 413 with an empty body and
 * log the client's mistake as an unexpected failure. Bodies with a length are left to {@link RequestLimitFilter}
 * and the REST layer.
 */
public class ChunkedBodyLimit {

    private final long limit;
    private final ProblemResponses problems;

    public ChunkedBodyLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, ProblemResponses problems) {
        this.limit = limit.asLongValue();
        this.problems = problems;
    }

    /** The problem of a body over {@code limit} bytes. */
    static Problem tooLarge(ProblemResponses problems, long limit) {
        return problems.problem(
                413,
                "payload_too_large",
                "Content Too Large",
                "The request body is larger than the " + limit + " bytes allowed.",
                List.of());
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> readUnannouncedBody(ContainerRequestContext context, HttpServerRequest request) {
        if (request.isEnded()
                || request.method() == HttpMethod.GET
                || request.method() == HttpMethod.HEAD
                || request.getHeader(HttpHeaders.CONTENT_LENGTH) != null) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().emitter(emitter -> read(context, request, emitter));
    }

    private void read(ContainerRequestContext context, HttpServerRequest request, UniEmitter<? super Response> done) {
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return; // drained and dropped: the connection closes once the problem is sent
            }
            if (body.length() + (long) chunk.length() > limit) {
                refused[0] = true;
                done.complete(Response.fromResponse(problems.build(
                                413,
                                "payload_too_large",
                                "Content Too Large",
                                tooLarge(problems, limit).detail(),
                                List.of()))
                        .header(HttpHeaders.CONNECTION.toString(), "close")
                        .build());
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(failure -> {
            if (!refused[0]) {
                done.fail(failure);
            }
        });
        request.endHandler(ended -> {
            if (!refused[0]) {
                context.setEntityStream(new ByteArrayInputStream(body.getBytes()));
                done.complete(null);
            }
        });
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            request.response().writeContinue();
        }
        request.resume();
    }
}
