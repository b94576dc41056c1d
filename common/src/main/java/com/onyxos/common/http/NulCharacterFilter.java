package com.onyxos.common.http;

import com.onyxos.common.problem.Problem;
import com.onyxos.common.problem.ProblemResponses;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a path or query parameter that decodes to a string with a NUL character ({@code %00}) with a 400
 * {@code invalid_input} naming it, before the endpoint (and so any database call) runs: PostgreSQL cannot store NUL
 * in text. JSON bodies get the same rule from {@code StrictJsonCustomizer}; any NUL that still reaches the database
 * is answered 400 by {@code ProblemMappers}.
 */
public class NulCharacterFilter {

    private final ProblemResponses problems;

    public NulCharacterFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @ServerRequestFilter
    public Optional<Response> refuseNul(UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        collect("path", uri.getPathParameters(), errors);
        collect("query", uri.getQueryParameters(), errors);
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(problems.build(
                400, "invalid_input", "Bad Request", "The request has characters that are not allowed.", errors));
    }

    private static void collect(
            String where, MultivaluedMap<String, String> parameters, List<Problem.FieldError> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            boolean bad = parameter.getKey().indexOf('\0') >= 0
                    || parameter.getValue().stream().anyMatch(value -> value != null && value.indexOf('\0') >= 0);
            if (bad) {
                String name = parameter.getKey().replace("\0", "\\u0000");
                errors.add(new Problem.FieldError(where + "." + name, "must not contain the NUL character"));
            }
        }
    }
}
